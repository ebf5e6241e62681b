using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using static ContactCenter.Host.Tests.Audit.AuditEntries;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>
/// Issue 13, finding 8, the admin actions the first audit pass left out: products, contact reasons and "executar agora".
/// Each appears in the log with the admin who did it, from where, and what changed. (Outbox retries and inbox
/// re-processing are asserted where those features are tested: OutboxFailureTests, ProcessingTests.)
/// </summary>
public abstract class AdminOperationsAuditTests(DatabaseKind kind) : HostTest(kind)
{
    private const string Office = "198.51.100.23";

    [Fact]
    public async Task Creating_changing_and_deleting_a_product_is_recorded_with_the_admin_and_the_changed_fields()
    {
        var ritaId = await Host.CreateUserAsync("rita", "admin", "Rita Admin");
        var vendas = await Host.CreateTeamAsync("Vendas");
        var locacao = await Host.CreateTeamAsync("Locação");
        var rita = await BrowserAsync(Host, "rita", Office);

        var (created, product) = await rita.PostJsonAsync("/api/v1/products", new { name = "Residencial Jardim", teamId = vendas });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)product["id"]!;
        (await rita.PutJsonAsync($"/api/v1/products/{id}", new { name = "Residencial Jardim II", teamId = locacao, isActive = false })).Response.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await rita.DeleteAsync($"/api/v1/products/{id}")).StatusCode);

        var entries = await ReadAsync(Host, "?targetKind=product");
        Assert.Equal(["product.deleted", "product.updated", "product.created"], entries.Select(e => (string?)e["action"]));
        Assert.All(entries, e => Assert.Equal(
            ("user", "Rita Admin", ritaId.ToString(), "product", id, Office),
            ((string?)e["actorKind"], (string?)e["actorName"], (string?)e["actorId"], (string?)e["targetKind"], (string?)e["targetId"], (string?)e["clientAddress"])));
        Assert.Contains(new AuditLogTests.Change("slug", null, "residencial-jardim"), Changes(entries[2]));
        // Renaming kept the slug (lead-form links carry it): only name, team and active changed.
        Assert.Equal(
            [new("isActive", "true", "false"), new("name", "Residencial Jardim", "Residencial Jardim II"), new("teamId", vendas.ToString(), locacao.ToString())],
            Changes(entries[1]).OrderBy(c => c.Field, StringComparer.Ordinal));
        Assert.Equal("Residencial Jardim II", (string?)entries[0]["targetLabel"]);
        Assert.Contains(new AuditLogTests.Change("name", "Residencial Jardim II", null), Changes(entries[0]));
    }

    [Fact]
    public async Task Contact_reasons_added_renamed_and_deactivated_are_recorded_and_a_refused_duplicate_is_not()
    {
        await Host.CreateUserAsync("rita", "admin", "Rita Admin");
        var rita = await BrowserAsync(Host, "rita", Office);

        var (created, reason) = await rita.PostJsonAsync("/api/v1/contact-reasons", new { name = "Venda realizada" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (duplicate, _) = await rita.PostJsonAsync("/api/v1/contact-reasons", new { name = "venda REALIZADA" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        (await rita.PutJsonAsync($"/api/v1/contact-reasons/{reason["id"]}", new { name = "Venda fechada", isActive = false })).Response.EnsureSuccessStatusCode();

        var entries = await ReadAsync(Host, "?action=contactReason");
        Assert.Equal(["contactReason.updated", "contactReason.created"], entries.Select(e => (string?)e["action"]));
        Assert.All(entries, e => Assert.Equal(("Rita Admin", (string?)reason["id"], Office), ((string?)e["actorName"], (string?)e["targetId"], (string?)e["clientAddress"])));
        Assert.Equal(
            [new("isActive", "true", "false"), new("name", "Venda realizada", "Venda fechada")],
            Changes(entries[0]).OrderBy(c => c.Field, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_now_is_recorded_with_the_job_and_an_unknown_job_leaves_no_entry()
    {
        await Host.CreateUserAsync("rita", "admin", "Rita Admin");
        var rita = await BrowserAsync(Host, "rita", Office);

        var (accepted, _) = await rita.PostJsonAsync("/api/v1/jobs/Conversations/inactivity-close/run", new { });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var (unknown, _) = await rita.PostJsonAsync("/api/v1/jobs/routing/no-such-job/run", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var entry = Assert.Single(await ReadAsync(Host, "?targetKind=job"));
        Assert.Equal(("job.runNow", "user", "Rita Admin", "job", "Conversations/inactivity-close", Office), Summary(entry));
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, (DateTime)entry["at"]!);
    }
}

public sealed class AdminOperationsAuditTestsOnSqlite() : AdminOperationsAuditTests(DatabaseKind.Sqlite);

public sealed class AdminOperationsAuditTestsOnPostgres() : AdminOperationsAuditTests(DatabaseKind.Postgres);
