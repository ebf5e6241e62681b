using ContactCenter.Conversations.Contracts;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Routing;

/// <summary>
/// A returning contact and their owner agent. Leads does not name owners yet, so the arrival is published as
/// Conversations publishes it (ConversationOpened with the owner) in a unit of work of the test's own.
/// </summary>
public abstract class OwnerRoutingTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task A_returning_contact_goes_to_their_offline_and_full_owner_and_counts_on_the_owners_load()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var owner = await CreateAgentAsync("ana", comercial, max: 1);
        await CreateAgentAsync("bruno", comercial);
        var earlier = await ArriveAsync(vendas);
        Assert.Equal(owner, AgentOf(await ConversationAsync(earlier)));
        await SetPresenceAsync(owner, "offline");

        var returning = Guid.CreateVersion7();
        using (var scope = Host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(
                new ConversationOpened(returning, Guid.CreateVersion7(), vendas, null, comercial, owner, true, Host.Clock.GetUtcNow().UtcDateTime));
            await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
        }

        using var read = Host.Services.CreateScope();
        var db = read.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var item = await db.Set<WorkItem>().SingleAsync(w => w.SubjectId == returning);
        Assert.Equal((WorkItemState.Assigned, owner), (item.State, item.AssignedAgentId));
        Assert.Null(item.FirstResponseDueAt);
        var decision = await db.Set<RoutingDecisionEntry>().SingleAsync(d => d.SubjectId == returning);
        Assert.Equal(ContactCenter.Queues.Contracts.RoutingRule.Owner, decision.Rule);
        Assert.Contains("Returning contact: goes to their agent ana (offline, 1/1 conversations)", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal(2, await ActiveCountAsync(owner));
    }
}

public sealed class OwnerRoutingTestsOnSqlite() : OwnerRoutingTests(DatabaseKind.Sqlite);

public sealed class OwnerRoutingTestsOnPostgres() : OwnerRoutingTests(DatabaseKind.Postgres);

/// <summary>The demo: a trial conversation on the sandbox number is routed to the demo teams.</summary>
public abstract class DemoRoutingTests(DatabaseKind kind) : RoutingTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task Both_demo_teams_serve_the_sandbox_number_and_a_trial_conversation_goes_to_comercial()
    {
        var admin = Host.CreateAdminClient();
        var sandbox = (await admin.GetJsonAsync("/api/v1/channel-accounts")).AsArray().Single(a => (string?)a!["pluginId"] == "sandbox")!;
        var sandboxId = (string)sandbox["id"]!;
        var teams = (await admin.GetJsonAsync("/api/v1/teams")).AsArray();
        Assert.All(teams, t => Assert.Contains(sandboxId, t!["channelAccountIds"]!.AsArray().Select(id => (string?)id)));

        var conversation = await ArriveAsync(Guid.Parse(sandboxId));

        var comercial = (string)teams.Single(t => (string?)t!["name"] == "Comercial")!["id"]!;
        Assert.Equal(comercial, (string?)(await ConversationAsync(conversation))["teamId"]);
        Assert.Equal("backlog", (string?)(await LastDecisionAsync(conversation))["rule"]); // the demo agents start offline
    }
}

public sealed class DemoRoutingTestsOnSqlite() : DemoRoutingTests(DatabaseKind.Sqlite);

public sealed class DemoRoutingTestsOnPostgres() : DemoRoutingTests(DatabaseKind.Postgres);
