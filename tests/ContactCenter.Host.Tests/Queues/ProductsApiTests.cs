using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Queues;

public abstract class ProductsApiTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task A_slug_is_made_from_the_name_without_accents()
    {
        var team = await Host.CreateTeamAsync("Comercial");

        var (created, product) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/products", new
        {
            name = "Residencial Jardim das Flores — Fase Única",
            teamId = team,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("residencial-jardim-das-flores-fase-unica", (string?)product["slug"]);
        Assert.True((bool)product["isActive"]!);
        Assert.Equal(team.ToString(), (string?)product["teamId"]);
    }

    [Fact]
    public async Task Slugs_are_unique()
    {
        var team = await Host.CreateTeamAsync("Comercial");
        await Host.CreateProductAsync("Seminovos Premium", team);

        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/products", new
        {
            name = "Outro",
            slug = "seminovos-premium",
            teamId = team,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("product_slug_taken", (string?)problem["code"]);
    }

    [Fact]
    public async Task A_bad_slug_a_missing_name_and_an_unknown_team_are_all_reported()
    {
        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/products", new
        {
            name = " ",
            slug = "Not A Slug",
            teamId = Guid.NewGuid(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("slug"));
        Assert.True(errors.ContainsKey("teamId"));
    }

    [Fact]
    public async Task Renaming_keeps_the_slug_and_deactivating_keeps_the_product_listed()
    {
        var team = await Host.CreateTeamAsync("Comercial");
        var id = await Host.CreateProductAsync("Seminovos", team);
        var admin = Host.CreateAdminClient();

        var (response, product) = await admin.PutJsonAsync($"/api/v1/products/{id}", new { name = "Seminovos Premium", isActive = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("seminovos", (string?)product["slug"]);
        var listed = (await admin.GetJsonAsync($"/api/v1/products?teamId={team}")).AsArray().Single()!;
        Assert.Equal("Seminovos Premium", (string?)listed["name"]);
        Assert.False((bool)listed["isActive"]!);
    }

    [Fact]
    public async Task A_team_serving_products_cannot_be_deleted_until_they_are_gone()
    {
        var team = await Host.CreateTeamAsync("Comercial");
        var product = await Host.CreateProductAsync("Seminovos", team);
        var admin = Host.CreateAdminClient();

        var refused = await admin.DeleteAsync($"/api/v1/teams/{team}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("team_has_products", (string?)(await refused.ReadJsonAsync())["code"]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/products/{product}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{team}")).StatusCode);
    }

    [Fact]
    public async Task Agents_read_products_but_may_not_create_them()
    {
        await Host.CreateUserAsync("ana", "agent");
        var team = await Host.CreateTeamAsync("Comercial");
        await Host.CreateProductAsync("Seminovos", team);
        var ana = await Host.LoginAsync("ana", Arrange.Password);

        var products = (await ana.GetJsonAsync("/api/v1/products")).AsArray();
        var (forbidden, _) = await ana.PostJsonAsync("/api/v1/products", new { name = "Mine", teamId = team });

        Assert.Single(products);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

public sealed class ProductsApiTestsOnSqlite() : ProductsApiTests(DatabaseKind.Sqlite);

public sealed class ProductsApiTestsOnPostgres() : ProductsApiTests(DatabaseKind.Postgres);
