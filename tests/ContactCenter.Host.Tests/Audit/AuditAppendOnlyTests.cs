using System.Data.Common;
using ContactCenter.Audit.Domain;
using ContactCenter.Db.Migrations;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>
/// Issue 13: the audit log is append-only in the database itself. Whatever sends an UPDATE or DELETE — the product's
/// own DbContext by mistake, or plain SQL on its connection — is refused by the triggers of migration AuditAppendOnly,
/// and the entry stays as it was; adding entries goes on working.
/// </summary>
public abstract class AuditAppendOnlyTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry_through_the_DbContext()
    {
        await Host.CreateTeamAsync("Vendas");
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var entry = await db.Set<AuditEntry>().SingleAsync(TestContext.Current.CancellationToken);

        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "someone else";
        await AssertRefusedAsync(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        db.ChangeTracker.Clear();

        db.Set<AuditEntry>().Remove(entry);
        await AssertRefusedAsync(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        db.ChangeTracker.Clear();

        await AssertRefusedAsync(() => db.Set<AuditEntry>().ExecuteDeleteAsync(TestContext.Current.CancellationToken));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task The_database_refuses_plain_SQL_updates_and_deletes_and_new_entries_still_go_in()
    {
        await Host.CreateTeamAsync("Vendas");
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("""UPDATE "Audit_Entries" SET "ActorName" = 'someone else'""", TestContext.Current.CancellationToken));
        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "Audit_Entries" """, TestContext.Current.CancellationToken));
        if (Kind == DatabaseKind.Postgres)
        {
            await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("""TRUNCATE "Audit_Entries" """, TestContext.Current.CancellationToken));
        }

        await AssertUnchangedAsync();
        await Host.CreateTeamAsync("Locação");
        Assert.Equal(2, (await AuditEntries.ReadAsync(Host, "?action=team.created")).Count);
    }

    /// <summary>The deliberate way out (docs/security.md): the script in deploy/audit-purge/ for this database.</summary>
    [Fact]
    public async Task The_documented_purge_deletes_only_old_entries_and_leaves_the_log_append_only_again()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var old = Entry(DateTime.UtcNow.AddYears(-3));
        var recent = Entry(DateTime.UtcNow.AddDays(-1));
        db.Set<AuditEntry>().AddRange(old, recent);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var script = Kind switch
        {
            DatabaseKind.Sqlite => "sqlite.sql",
            DatabaseKind.Postgres => "postgres.sql",
            _ => "sqlserver.sql",
        };

        await db.Database.ExecuteSqlRawAsync(
            await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "deploy", "audit-purge", script), TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);

        Assert.Equal([recent.Id], await db.Set<AuditEntry>().AsNoTracking().Select(e => e.Id).ToListAsync(TestContext.Current.CancellationToken));
        await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "Audit_Entries" """, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void No_endpoint_changes_or_deletes_audit_entries()
    {
        var audit = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.NotEmpty(audit);
        Assert.All(audit, e => Assert.All(
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["(any method)"],
            method => Assert.Equal("GET", method)));
    }

    private static async Task AssertRefusedAsync(Func<Task> change)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(change);
        var cause = refused as DbException ?? refused.InnerException as DbException;
        Assert.NotNull(cause);
        Assert.Contains(AuditAppendOnly.Refusal, cause.Message, StringComparison.Ordinal);
    }

    private static AuditEntry Entry(DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        At = at,
        ActorKind = "user",
        ActorName = "Rita Admin",
        Action = "team.created",
        TargetKind = "team",
        TargetId = Guid.NewGuid().ToString(),
        Changes = "[]",
    };

    /// <summary>The one entry (the team's creation) reads as it was written.</summary>
    private async Task AssertUnchangedAsync()
    {
        var entry = Assert.Single(await AuditEntries.ReadAsync(Host));
        Assert.Equal(("team.created", "Vendas"), ((string?)entry["action"], (string?)entry["targetLabel"]));
        Assert.NotEqual("someone else", (string?)entry["actorName"]);
    }
}

public sealed class AuditAppendOnlyTestsOnSqlite() : AuditAppendOnlyTests(DatabaseKind.Sqlite);

public sealed class AuditAppendOnlyTestsOnPostgres() : AuditAppendOnlyTests(DatabaseKind.Postgres);
