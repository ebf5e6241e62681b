namespace ContactCenter.Kernel.Events;

/// <summary>
/// Optional companion of an <see cref="IEventHandler{TEvent}"/> for steps that raise many events of one kind before
/// they save (the inbox processor raises a whole batch of received messages): before those events are handled one
/// by one, the preparer sees them all at once and loads what their handlers will look up with one query each into
/// the unit of work, so handling a batch costs a few queries instead of a few per event. The handlers still run per
/// event, in the order raised, and must stay correct without a preparer (a single event, a test); a preparer only
/// saves them queries. It must not write or raise anything.
/// </summary>
public interface IEventBatchPreparer<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>Loads what the handlers of <paramref name="batch"/> (the queued events of this kind, oldest first) will need.</summary>
    Task PrepareAsync(IReadOnlyList<TEvent> batch, CancellationToken cancellationToken);
}
