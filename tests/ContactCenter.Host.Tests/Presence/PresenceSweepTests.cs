using Autofac;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Presence;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Host.Tests.Presence;

/// <summary>
/// Seed 004 and the issue: an available agent whose browser stays disconnected for the configured time goes offline,
/// except agents in an outreach queue. The clock is moved by hand and the sweep run by the test (the scheduled one is
/// paused so it cannot race the test).
/// </summary>
public abstract class PresenceSweepTests(DatabaseKind kind) : HostTest(kind)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(RoutingSettingsDto.Defaults.AwayAfterDisconnectSeconds);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseJob(new JobKey("presence-sweep", "Queues"));
    }

    [Fact]
    public async Task An_available_agent_whose_browser_stays_closed_past_the_limit_goes_offline()
    {
        var ana = await AvailableAgentAsync("ana");
        await using var tab = await Browser.OpenAsync(Host, ana, "ana");

        await tab.DisconnectAsync();
        Host.Clock.Advance(Limit - TimeSpan.FromSeconds(1));
        var early = await SweepAsync();
        var stillAvailable = await PresenceOfAsync(ana);
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await SweepAsync();

        Assert.Empty(early);
        Assert.Equal("available", stillAvailable);
        var changed = Assert.Single(due);
        Assert.Equal(new AgentPresenceChanged(ana, AgentPresence.Available, AgentPresence.Offline, Host.Clock.GetUtcNow().UtcDateTime), changed);
        var profile = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{ana}");
        Assert.Equal("offline", (string?)profile["presence"]);
        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, (DateTime)profile["presenceChangedAt"]!);
        Assert.Empty(await SweepAsync());
    }

    [Fact]
    public async Task An_agent_in_an_outreach_queue_stays_available_with_the_browser_closed()
    {
        var ana = await AvailableAgentAsync("ana");
        var (response, profile) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}", new { inOutreachQueue = true });
        await using var tab = await Browser.OpenAsync(Host, ana, "ana");

        await tab.CloseAsync();
        Host.Clock.Advance(TimeSpan.FromHours(2));
        var swept = await SweepAsync();

        response.EnsureSuccessStatusCode();
        Assert.True((bool)profile["inOutreachQueue"]!);
        Assert.Empty(swept);
        Assert.Equal("available", await PresenceOfAsync(ana));
    }

    [Fact]
    public async Task Reconnecting_before_the_limit_keeps_the_agent_available()
    {
        var ana = await AvailableAgentAsync("ana");
        await using var tab = await Browser.OpenAsync(Host, ana, "ana");

        await tab.DisconnectAsync();
        Host.Clock.Advance(Limit / 2);
        var whileGone = (DateTime?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{ana}"))["disconnectedSince"];
        await tab.ConnectAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        var swept = await SweepAsync();

        Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1) - (Limit / 2), whileGone);
        Assert.Empty(swept);
        var profile = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{ana}");
        Assert.Equal("available", (string?)profile["presence"]);
        Assert.Null((DateTime?)profile["disconnectedSince"]);
    }

    [Fact]
    public async Task Closing_one_of_two_tabs_is_not_a_disconnect()
    {
        var ana = await AvailableAgentAsync("ana");
        await using var first = await Browser.OpenAsync(Host, ana, "ana");
        await using var second = await Browser.OpenAsync(Host, ana, "ana");

        await first.CloseAsync();
        Host.Clock.Advance(Limit * 3);
        var whileOneOpen = await SweepAsync();
        await second.CloseAsync();
        Host.Clock.Advance(Limit);
        var afterBoth = await SweepAsync();

        Assert.Empty(whileOneOpen);
        Assert.Single(afterBoth);
        Assert.Equal("offline", await PresenceOfAsync(ana));
    }

    [Fact]
    public async Task The_limit_is_the_one_the_admin_saved()
    {
        await Host.CreateAdminClient().PutJsonAsync("/api/v1/routing/settings", new
        {
            backlogRoundSeconds = 30,
            firstResponseTimeoutSeconds = 300,
            unansweredLeadMinutes = 15,
            awayAfterDisconnectSeconds = 30,
        });
        var ana = await AvailableAgentAsync("ana");
        await using var tab = await Browser.OpenAsync(Host, ana, "ana");

        await tab.DisconnectAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Single(await SweepAsync());
        Assert.Equal("offline", await PresenceOfAsync(ana));
    }

    [Fact]
    public async Task An_agent_made_available_while_their_browser_is_closed_gets_the_full_wait_first()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var sofiaId = await Host.CreateUserAsync("sofia", "supervisor");
        // A supervisor changes the presence of her own team's agents only.
        await Host.SetMembersAsync(await Host.CreateTeamAsync("Comercial"), ana, sofiaId);
        await using (var tab = await Browser.OpenAsync(Host, ana, "ana"))
        {
            await tab.CloseAsync();
        }

        Host.Clock.Advance(TimeSpan.FromHours(3));
        var sofia = await Host.LoginAsync("sofia", Arrange.Password);
        (await sofia.PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "available" })).Response.EnsureSuccessStatusCode();
        var atOnce = await SweepAsync();
        Host.Clock.Advance(Limit);
        var later = await SweepAsync();

        Assert.Empty(atOnce);
        Assert.Single(later);
    }

    [Fact]
    public async Task Away_and_offline_agents_are_left_alone_and_users_without_a_profile_are_ignored()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var admin = await Host.CreateUserAsync("root", "admin");
        await Host.CreateAdminClient().PutJsonAsync($"/api/v1/agents/{ana}/presence", new { presence = "away" });
        await using var anaTab = await Browser.OpenAsync(Host, ana, "ana");
        await using var adminTab = await Browser.OpenAsync(Host, admin, "root", Kernel.Identity.Role.Admin);

        await anaTab.CloseAsync();
        await adminTab.CloseAsync();
        Host.Clock.Advance(Limit * 2);

        Assert.Empty(await SweepAsync());
        Assert.Equal("away", await PresenceOfAsync(ana));
    }

    [Fact]
    public async Task The_scheduled_job_sweeps_every_15_seconds()
    {
        var ana = await AvailableAgentAsync("ana");
        await using var tab = await Browser.OpenAsync(Host, ana, "ana");
        await tab.CloseAsync();
        Host.Clock.Advance(Limit);
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = (ISimpleTrigger?)await scheduler.GetTrigger(new TriggerKey("presence-sweep", "Queues"));
        await new PresenceSweepJob(Host.Services.GetRequiredService<ILifetimeScope>()).Execute(null!, default);

        Assert.Equal(TimeSpan.FromSeconds(15), trigger?.RepeatInterval);
        Assert.Equal("offline", await PresenceOfAsync(ana));
    }

    private async Task<Guid> AvailableAgentAsync(string userName)
    {
        var id = await Host.CreateUserAsync(userName, "agent");
        var client = await Host.LoginAsync(userName, Arrange.Password);
        (await client.PutJsonAsync($"/api/v1/agents/{id}/presence", new { presence = "available" })).Response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<string?> PresenceOfAsync(Guid userId) =>
        (string?)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/agents/{userId}"))["presence"];

    /// <summary>Runs one sweep and returns the presence changes it published.</summary>
    private async Task<List<AgentPresenceChanged>> SweepAsync()
    {
        var recorder = new Recorder();
        await using var scope = Host.Services.GetRequiredService<ILifetimeScope>()
            .BeginLifetimeScope(b => b.RegisterInstance(recorder).As<IEventHandler<AgentPresenceChanged>>());
        await scope.Resolve<PresenceSweeper>().RunAsync();
        return recorder.Events;
    }

    private sealed class Recorder : IEventHandler<AgentPresenceChanged>
    {
        public List<AgentPresenceChanged> Events { get; } = [];

        public Task HandleAsync(AgentPresenceChanged domainEvent, CancellationToken cancellationToken)
        {
            Events.Add(domainEvent);
            return Task.CompletedTask;
        }
    }
}

public sealed class PresenceSweepTestsOnSqlite() : PresenceSweepTests(DatabaseKind.Sqlite);

public sealed class PresenceSweepTestsOnPostgres() : PresenceSweepTests(DatabaseKind.Postgres);
