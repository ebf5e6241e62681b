using Autofac;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Events;

/// <summary>
/// The unit of work's events: raised during a step, handled when the step saves, first in first out, breadth first
/// (what a handler raises waits for the events already queued), each event's handlers by phase, and a handler that
/// throws leaves the step uncommitted.
/// </summary>
public abstract class EventDispatchTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Events_wait_for_the_save_and_run_first_in_first_out_with_what_handlers_raise_queued_behind()
    {
        var log = new List<string>();
        await using var scope = Scope(b =>
        {
            b.Register(c => new Log<Asked>(log, e => e.Name, e => e.Name == "first" ? new Answered("first") : null, c.Resolve<IDomainEvents>()))
                .As<IEventHandler<Asked>>();
            b.Register(c => new Log<Answered>(log, e => "answer to " + e.Name, _ => null, c.Resolve<IDomainEvents>())).As<IEventHandler<Answered>>();
        });
        var events = scope.Resolve<IDomainEvents>();

        events.Raise(new Asked("first"));
        events.Raise(new Asked("second"));
        Assert.Empty(log); // raising runs nothing: the step goes on

        await scope.Resolve<ContactCenterDbContext>().SaveChangesAsync();

        // Not nested: the answer raised while "first" was handled runs after "second", which was queued before it.
        Assert.Equal(["first", "second", "answer to first"], log);
    }

    [Fact]
    public async Task An_events_handlers_run_by_phase_whatever_their_registration_order()
    {
        var log = new List<string>();
        await using var scope = Scope(b =>
        {
            b.RegisterInstance(new NotifyStep(log)).As<IEventHandler<Asked>>();
            b.RegisterInstance(new FollowStep(log)).As<IEventHandler<Asked>>();
            b.RegisterInstance(new RecordStep(log)).As<IEventHandler<Asked>>();
        });

        scope.Resolve<IDomainEvents>().Raise(new Asked("it"));
        await scope.Resolve<ContactCenterDbContext>().SaveChangesAsync();

        Assert.Equal(["record", "follow", "notify"], log);
    }

    [Fact]
    public async Task Every_event_of_a_scope_meets_its_handlers_by_phase_then_type_name()
    {
        // The scope keeps each event type's ordered handlers after its first event: later events and later saves
        // must still meet them in the same order (phase, then full type name, whatever the registration order).
        var log = new List<string>();
        await using var scope = Scope(b =>
        {
            b.RegisterInstance(new NotifyStep(log)).As<IEventHandler<Asked>>();
            b.RegisterInstance(new RecordStep(log)).As<IEventHandler<Asked>>();
            b.RegisterInstance(new FollowStep(log)).As<IEventHandler<Asked>>();
            b.RegisterInstance(new RecordLater(log)).As<IEventHandler<Asked>>();
        });
        var events = scope.Resolve<IDomainEvents>();
        var db = scope.Resolve<ContactCenterDbContext>();

        events.Raise(new Asked("one"));
        events.Raise(new Asked("two"));
        await db.SaveChangesAsync();
        events.Raise(new Asked("three"));
        await db.SaveChangesAsync();

        string[] once = ["record later", "record", "follow", "notify"];
        Assert.Equal([.. once, .. once, .. once], log);
    }

    [Fact]
    public async Task A_handler_that_throws_leaves_the_step_uncommitted_and_its_events_dropped()
    {
        var calls = 0;
        await using (var scope = Scope(b => b.Register(c => new Log<Asked>([], _ => ++calls == 1 ? throw new InvalidOperationException("boom") : "ok", _ => null, c.Resolve<IDomainEvents>()))
            .As<IEventHandler<Asked>>()))
        {
            var db = scope.Resolve<ContactCenterDbContext>();
            db.Add(new DataProtectionKey { FriendlyName = "written by the step", Xml = "<key/>" });
            scope.Resolve<IDomainEvents>().Raise(new Asked("it"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

            // The failure is recorded in the same scope: the failed step's event does not run again with it.
            db.ChangeTracker.Clear();
            db.Add(new DataProtectionKey { FriendlyName = "the failure", Xml = "<key/>" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, calls);
        await using var read = Host.Services.CreateAsyncScope();
        var names = await read.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<DataProtectionKey>()
            .Where(k => k.FriendlyName == "written by the step" || k.FriendlyName == "the failure")
            .Select(k => k.FriendlyName)
            .ToListAsync();
        Assert.Equal(["the failure"], names);
    }

    private ILifetimeScope Scope(Action<ContainerBuilder> handlers) =>
        Host.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope(handlers);

    private sealed record Asked(string Name) : IDomainEvent;

    private sealed record Answered(string Name) : IDomainEvent;

    /// <summary>Writes a line per event and raises what <c>then</c> says, through the scope's collector.</summary>
    private sealed class Log<TEvent>(List<string> log, Func<TEvent, string> line, Func<TEvent, IDomainEvent?> then, IDomainEvents events) : IEventHandler<TEvent>
        where TEvent : IDomainEvent
    {
        public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
        {
            log.Add(line(domainEvent));
            if (then(domainEvent) is { } next)
            {
                events.Raise(next);
            }

            return Task.CompletedTask;
        }
    }

    [RunsIn(EventPhase.Notify)]
    private sealed class NotifyStep(List<string> log) : IEventHandler<Asked>
    {
        public Task HandleAsync(Asked domainEvent, CancellationToken cancellationToken)
        {
            log.Add("notify");
            return Task.CompletedTask;
        }
    }

    [RunsIn(EventPhase.Follow)]
    private sealed class FollowStep(List<string> log) : IEventHandler<Asked>
    {
        public Task HandleAsync(Asked domainEvent, CancellationToken cancellationToken)
        {
            log.Add("follow");
            return Task.CompletedTask;
        }
    }

    [RunsIn(EventPhase.Record)]
    private sealed class RecordLater(List<string> log) : IEventHandler<Asked>
    {
        public Task HandleAsync(Asked domainEvent, CancellationToken cancellationToken)
        {
            log.Add("record later");
            return Task.CompletedTask;
        }
    }

    [RunsIn(EventPhase.Record)]
    private sealed class RecordStep(List<string> log) : IEventHandler<Asked>
    {
        public Task HandleAsync(Asked domainEvent, CancellationToken cancellationToken)
        {
            log.Add("record");
            return Task.CompletedTask;
        }
    }
}

public sealed class EventDispatchTestsOnSqlite() : EventDispatchTests(DatabaseKind.Sqlite);

public sealed class EventDispatchTestsOnPostgres() : EventDispatchTests(DatabaseKind.Postgres);
