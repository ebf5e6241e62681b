using System.Net;
using Autofac;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Tasks;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>Unanswered-lead tasks: created once even by racing sweeps, announced to routing, handed out and finished.</summary>
public abstract class UnansweredLeadTaskTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task Two_sweeps_at_once_create_each_task_exactly_once_and_announce_it()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateLeadAsync($"Pessoa {i}", $"p{i}@example.com", $"55119000000{i:D2}");
        }

        // Only the two sweeps below run: the host's own 30-second sweeper waits.
        await (await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();
        Host.Clock.Advance(TimeSpan.FromMinutes(15));
        var announced = new Announcements();
        var root = Host.Services.GetRequiredService<ILifetimeScope>();
        await using var first = root.BeginLifetimeScope(b => b.RegisterInstance(announced).As<IEventHandler<UnansweredLeadTaskCreated>>());
        await using var second = root.BeginLifetimeScope(b => b.RegisterInstance(announced).As<IEventHandler<UnansweredLeadTaskCreated>>());
        var created = await Task.WhenAll(first.Resolve<UnansweredLeads>().RunDueAsync(), second.Resolve<UnansweredLeads>().RunDueAsync());

        Assert.Equal(5, created.Sum());
        var tasks = await TasksAsync();
        Assert.Equal(5, tasks.Select(t => (string?)t!["leadId"]).Distinct().Count());
        Assert.Equal(tasks.Select(t => IdOf(t!)).Order(), announced.TaskIds.Order());
    }

    [Fact]
    public async Task A_task_handed_to_an_agent_is_theirs_and_they_finish_it()
    {
        var ana = await Host.CreateUserAsync("ana", "agent", "Ana Agente");
        var bia = await Host.CreateUserAsync("bia", "agent", "Bia Agente");
        await Host.SetMembersAsync(TeamId, ana, bia);
        var lead = await CreateLeadAsync("Carla Dias", "carla@example.com", "5511977770003");
        Host.Clock.Advance(TimeSpan.FromMinutes(16));
        await RunUnansweredLeadsAsync();
        var taskId = IdOf(Assert.Single(await TasksAsync())!);
        var anaClient = await Host.LoginAsync("ana", Arrange.Password);
        var biaClient = await Host.LoginAsync("bia", Arrange.Password);
        Assert.Single((await anaClient.GetJsonAsync("/api/v1/tasks")).AsArray()); // open in her team's pool
        Assert.Empty((await anaClient.GetJsonAsync("/api/v1/tasks?mine=true")).AsArray());

        var routed = new LeadTaskRouted(taskId, IdOf(lead, "contactId"), ana, TeamId, Host.Clock.GetUtcNow().UtcDateTime);
        await PublishAsync(routed);
        await PublishAsync(routed);

        var mine = Assert.Single((await anaClient.GetJsonAsync("/api/v1/tasks?mine=true")).AsArray())!;
        Assert.Equal(("assigned", "Carla Dias"), ((string?)mine["status"], (string?)mine["name"]));
        Assert.Empty((await biaClient.GetJsonAsync("/api/v1/tasks")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await biaClient.PostAsync($"/api/v1/tasks/{taskId}/done", null)).StatusCode);
        Assert.Single(await TimelineAsync(IdOf(lead, "contactId")), e => (string?)e!["kind"] == "task_assigned");

        var done = await anaClient.PostAsync($"/api/v1/tasks/{taskId}/done", null);
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anaClient.PostAsync($"/api/v1/tasks/{taskId}/done", null)).StatusCode);
        Assert.Empty((await anaClient.GetJsonAsync("/api/v1/tasks?status=assigned")).AsArray());
        Assert.Single(await TimelineAsync(IdOf(lead, "contactId")), e => (string?)e!["kind"] == "task_done");
    }

    [Fact]
    public async Task A_person_who_writes_after_the_task_was_created_closes_it()
    {
        await CreateLeadAsync("Carla Dias", "carla@example.com", "5511977770003");
        Host.Clock.Advance(TimeSpan.FromMinutes(16));
        await RunUnansweredLeadsAsync();

        await WriteOnWhatsAppAsync("5511977770003", "Desculpe a demora!");

        var task = Assert.Single(await TasksAsync())!;
        Assert.Equal(("done", "The person wrote on WhatsApp."), ((string?)task["status"], (string?)task["note"]));
    }

    private async Task PublishAsync<TEvent>(TEvent domainEvent)
        where TEvent : IDomainEvent
    {
        using var scope = Host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(domainEvent);
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }
}

/// <summary>Routing's side of the event, as a test sees it: which tasks were announced.</summary>
internal sealed class Announcements : IEventHandler<UnansweredLeadTaskCreated>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Guid> _taskIds = new();

    public IEnumerable<Guid> TaskIds => _taskIds;

    public Task HandleAsync(UnansweredLeadTaskCreated domainEvent, CancellationToken cancellationToken)
    {
        _taskIds.Enqueue(domainEvent.TaskId);
        return Task.CompletedTask;
    }
}

public sealed class UnansweredLeadTaskTestsOnSqlite() : UnansweredLeadTaskTests(DatabaseKind.Sqlite);

public sealed class UnansweredLeadTaskTestsOnPostgres() : UnansweredLeadTaskTests(DatabaseKind.Postgres);
