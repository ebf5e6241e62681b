using System.Collections.Concurrent;
using System.Reflection;
using Autofac;

namespace ContactCenter.Kernel.Events;

/// <summary>
/// One per unit of work (lifetime scope): collects the raised events and drains them in order when the step saves.
/// Handlers come from the scope at dispatch time (they depend on the DbContext, which depends on this: resolving them
/// later breaks the cycle).
/// </summary>
internal sealed class EventDispatcher(ILifetimeScope scope) : IDomainEvents, IDomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<ILifetimeScope, IReadOnlyList<Func<IDomainEvent, CancellationToken, Task>>>> Resolvers = new();
    private static readonly MethodInfo ResolveHandlersMethod =
        typeof(EventDispatcher).GetMethod(nameof(ResolveHandlers), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<ILifetimeScope, IReadOnlyList<IDomainEvent>, CancellationToken, Task>> Preparers = new();
    private static readonly MethodInfo PrepareMethod =
        typeof(EventDispatcher).GetMethod(nameof(PrepareAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    // A handler type's phase never changes: read its attribute once, not once per event (a backlog round's chunk
    // dispatches hundreds of events, six handlers each, and reflection was the dispatcher's biggest cost in a profile).
    private static readonly ConcurrentDictionary<Type, EventPhase> Phases = new();

    private readonly Queue<IDomainEvent> _queue = new();

    // An inbox batch dispatches thousands of events in one scope: resolving and sorting each one's handlers again
    // (Autofac's enumerable resolve, a reflection read of each handler's phase) was 3 % of the host's CPU.
    private readonly Dictionary<Type, IReadOnlyList<Func<IDomainEvent, CancellationToken, Task>>> _handlers = [];
    private bool _dispatching;

    public bool HasPending => _queue.Count > 0;

    public void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _queue.Enqueue(domainEvent);
    }

    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        // A handler's own save lands here while the outer dispatch still runs: the outer loop drains what it raised.
        if (_dispatching)
        {
            return;
        }

        _dispatching = true;
        try
        {
            // Each wave (what the step raised, then what those handlers raised, ...) is prepared as a whole first.
            var prepared = 0;
            while (_queue.Count > 0)
            {
                if (prepared == 0)
                {
                    await PrepareQueuedAsync(cancellationToken);
                    prepared = _queue.Count;
                }

                var domainEvent = _queue.Dequeue();
                prepared--;
                foreach (var handle in HandlersOf(domainEvent.GetType()))
                {
                    await handle(domainEvent, cancellationToken);
                }
            }
        }
        catch
        {
            // What the failed step raised must not leak into the next save of this scope (a failure being recorded).
            _queue.Clear();
            throw;
        }
        finally
        {
            _dispatching = false;
        }
    }

    /// <summary>This scope's handlers of one event type, resolved and ordered once per scope.</summary>
    private IReadOnlyList<Func<IDomainEvent, CancellationToken, Task>> HandlersOf(Type eventType)
    {
        if (!_handlers.TryGetValue(eventType, out var handlers))
        {
            var resolve = Resolvers.GetOrAdd(
                eventType,
                type => ResolveHandlersMethod.MakeGenericMethod(type).CreateDelegate<Func<ILifetimeScope, IReadOnlyList<Func<IDomainEvent, CancellationToken, Task>>>>());
            handlers = resolve(scope);
            _handlers[eventType] = handlers;
        }

        return handlers;
    }

    /// <summary>
    /// Hands the queued events of each kind to its <see cref="IEventBatchPreparer{TEvent}"/>s, where there are two or
    /// more of that kind (a single event is handled exactly as without a preparer).
    /// </summary>
    private async Task PrepareQueuedAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in _queue.GroupBy(e => e.GetType()).Where(g => g.Skip(1).Any()))
        {
            var prepare = Preparers.GetOrAdd(
                kind.Key,
                type => PrepareMethod.MakeGenericMethod(type).CreateDelegate<Func<ILifetimeScope, IReadOnlyList<IDomainEvent>, CancellationToken, Task>>());
            await prepare(scope, [.. kind], cancellationToken);
        }
    }

    private static async Task PrepareAsync<TEvent>(ILifetimeScope scope, IReadOnlyList<IDomainEvent> batch, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        var preparers = scope.Resolve<IEnumerable<IEventBatchPreparer<TEvent>>>().ToList();
        if (preparers.Count == 0)
        {
            return;
        }

        var typed = batch.Cast<TEvent>().ToList();
        foreach (var preparer in preparers.OrderBy(p => p.GetType().FullName, StringComparer.Ordinal))
        {
            await preparer.PrepareAsync(typed, cancellationToken);
        }
    }

    /// <summary>The phase a handler declares; one that declares none (a test's recorder) follows the record phase.</summary>
    internal static EventPhase PhaseOf(Type handlerType) =>
        Phases.GetOrAdd(handlerType, static type => type.GetCustomAttribute<RunsInAttribute>()?.Phase ?? EventPhase.Follow);

    private static IReadOnlyList<Func<IDomainEvent, CancellationToken, Task>> ResolveHandlers<TEvent>(ILifetimeScope scope)
        where TEvent : IDomainEvent =>
    [
        .. scope.Resolve<IEnumerable<IEventHandler<TEvent>>>()
            .OrderBy(h => PhaseOf(h.GetType()))
            .ThenBy(h => h.GetType().FullName, StringComparer.Ordinal)
            .Select(h => (Func<IDomainEvent, CancellationToken, Task>)((e, ct) => h.HandleAsync((TEvent)e, ct))),
    ];
}
