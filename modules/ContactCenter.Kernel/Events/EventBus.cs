using Autofac;

namespace ContactCenter.Kernel.Events;

internal sealed class EventBus(ILifetimeScope scope) : IEventBus
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in scope.Resolve<IEnumerable<IEventHandler<TEvent>>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
