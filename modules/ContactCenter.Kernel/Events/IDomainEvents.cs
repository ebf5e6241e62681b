namespace ContactCenter.Kernel.Events;

/// <summary>Marker for the records modules raise when something happened (past tense names).</summary>
public interface IDomainEvent;

/// <summary>
/// Reacts to one kind of event; handlers must be idempotent. Every handler says in which
/// <see cref="EventPhase"/> it runs (<see cref="RunsInAttribute"/>): the order never depends on registration order.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// The unit of work's events: a step raises what happened and carries on; the handlers run after the step, when its
/// unit of work saves (see <see cref="IDomainEventDispatcher"/>), never inside the code that raised the event.
/// </summary>
public interface IDomainEvents
{
    /// <summary>Queues <paramref name="domainEvent"/> for dispatch after the current step (first raised, first handled).</summary>
    void Raise(IDomainEvent domainEvent);
}

/// <summary>
/// Runs the queued events of the unit of work. The shared <c>ContactCenterDbContext</c> calls it at the start of every
/// <c>SaveChangesAsync</c>: that save is the end of a step, and what the handlers change is saved with it, in the
/// same transaction.
/// </summary>
public interface IDomainEventDispatcher
{
    /// <summary>True while events wait for dispatch.</summary>
    bool HasPending { get; }

    /// <summary>
    /// Handles the queued events first in, first out, each event's handlers by <see cref="EventPhase"/>; an event a
    /// handler raises joins the end of the queue and runs after the current event's handlers (breadth first, never
    /// nested). Before each such wave, two or more queued events of one kind are first handed to that kind's
    /// <see cref="IEventBatchPreparer{TEvent}"/>s. If a handler throws, the queue is dropped and the exception goes to the step, whose unit of work
    /// then does not commit.
    /// </summary>
    Task DispatchAsync(CancellationToken cancellationToken);
}
