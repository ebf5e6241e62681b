namespace ContactCenter.Kernel.Events;

/// <summary>
/// When a handler runs among the handlers of one event. Within a phase handlers must not depend on each other (they
/// run in a fixed but meaningless order: by type name).
/// </summary>
public enum EventPhase
{
    /// <summary>
    /// A module brings its own state up to date with the event (stores the message, creates the work item, applies the
    /// routing to its read copy): later phases may read what it wrote.
    /// </summary>
    Record = 0,

    /// <summary>Reactions that read what the record phase wrote (a contact's timeline, a round's wake-up signal).</summary>
    Follow = 1,

    /// <summary>Screens are told last, when every write of the event is done (notices leave after the commit).</summary>
    Notify = 2,
}

/// <summary>The <see cref="EventPhase"/> an <see cref="IEventHandler{TEvent}"/> runs in; an architecture test requires it on every handler.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsInAttribute(EventPhase phase) : Attribute
{
    public EventPhase Phase { get; } = phase;
}
