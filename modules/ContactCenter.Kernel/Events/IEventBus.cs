namespace ContactCenter.Kernel.Events;

/// <summary>Marker for the records modules publish when something happened (past tense names).</summary>
public interface IDomainEvent;

/// <summary>Reacts to one kind of event; handlers must be idempotent.</summary>
public interface IEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>In-process fan-out to every registered handler, inside the caller's scope (same unit of work).</summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent;
}
