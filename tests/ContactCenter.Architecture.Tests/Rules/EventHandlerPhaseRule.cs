namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>An event handler class with the fact rule j needs: whether it declares its phase.</summary>
internal sealed record EventHandlerType(string FullName, bool DeclaresPhase);

/// <summary>
/// Rule j: every event handler of a module says in which phase it runs (<c>[RunsIn(EventPhase.…)]</c>), so the order
/// of an event's handlers (state first, reactions next, notices last) never depends on registration order.
/// </summary>
internal static class EventHandlerPhaseRule
{
    public static IReadOnlyList<string> Check(string module, IEnumerable<EventHandlerType> handlers) =>
    [
        .. handlers
            .Where(h => !h.DeclaresPhase)
            .OrderBy(h => h.FullName, StringComparer.Ordinal)
            .Select(h => $"{module}: event handler {h.FullName} declares no phase; add [RunsIn(EventPhase.Record|Follow|Notify)]."),
    ];
}
