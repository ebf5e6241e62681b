using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Queues;

public abstract class DemoQueuesTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task The_demo_has_two_teams_three_products_and_staffed_agents()
    {
        var admin = Host.CreateAdminClient();

        var teams = (await admin.GetJsonAsync("/api/v1/teams")).AsArray();
        var products = (await admin.GetJsonAsync("/api/v1/products")).AsArray();
        var agents = (await admin.GetJsonAsync("/api/v1/agents")).AsArray();

        Assert.Equal(["Comercial:auto", "Suporte:pool"], teams.Select(t => $"{t!["name"]}:{t["routingMode"]}"));
        var teamName = teams.ToDictionary(t => (string)t!["id"]!, t => (string)t!["name"]!);
        Assert.Equal(
            ["Residencial Jardim das Flores:Comercial", "Seminovos Premium:Comercial", "Suporte Técnico:Suporte"],
            products.Select(p => $"{p!["name"]}:{teamName[(string)p["teamId"]!]}"));
        Assert.Equal("suporte-tecnico", (string?)products[2]!["slug"]);
        var productName = products.ToDictionary(p => (string)p!["id"]!, p => (string)p!["name"]!);
        string Describe(string displayName)
        {
            var agent = agents.Single(a => (string?)a!["displayName"] == displayName)!;
            var teamsOf = agent["teamIds"]!.AsArray().Select(t => teamName[(string)t!]!).Order();
            var productsOf = agent["productIds"]!.AsArray().Select(p => productName[(string)p!]!).Order();
            return $"{string.Join(",", teamsOf)}|{string.Join(",", productsOf)}";
        }

        Assert.Equal("Comercial|Residencial Jardim das Flores,Seminovos Premium", Describe("Ana Atendente"));
        Assert.Equal("Comercial|Residencial Jardim das Flores,Seminovos Premium", Describe("Bruno Corretor"));
        Assert.Equal("Suporte|Suporte Técnico", Describe("Carla Suporte"));
        Assert.Equal("Comercial,Suporte|", Describe("Sofia Supervisora"));
    }
}

public sealed class DemoQueuesTestsOnSqlite() : DemoQueuesTests(DatabaseKind.Sqlite);

public sealed class DemoQueuesTestsOnPostgres() : DemoQueuesTests(DatabaseKind.Postgres);
