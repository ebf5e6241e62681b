using ContactCenter.Audit.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Audit.Recording;

/// <summary>Writes entries into the caller's unit of work (or, for login holds, a unit of work of its own).</summary>
internal sealed class AuditLog(ContactCenterDbContext db, ICurrentUser caller, TimeProvider clock, IServiceScopeFactory scopes) : IAuditLog
{
    private const int MaxText = 200;

    public void Record(string action, AuditTarget target, object? before = null, object? after = null)
    {
        var (kind, id, name) = caller switch
        {
            { IsAuthenticated: true, IsApiKey: true } => ("apiKey", caller.UserId, caller.DisplayName ?? "?"),
            { IsAuthenticated: true } => ("user", caller.UserId, caller.DisplayName ?? "?"),
            _ => ("system", (Guid?)null, "system"),
        };
        db.Set<AuditEntry>().Add(Entry(action, target, kind, id, name, AuditDiff.Between(before, after)));
    }

    public async Task RecordAnonymousAsync(string action, AuditTarget target, object? details, CancellationToken cancellationToken)
    {
        // Its own scope: the login that was refused saves nothing else, and must not save half of something by accident.
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        own.Set<AuditEntry>().Add(Entry(action, target, "anonymous", null, "anonymous", AuditDiff.Between(null, details)));
        await own.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Entry(string action, AuditTarget target, string actorKind, Guid? actorId, string actorName, IReadOnlyList<AuditChange> changes) => new()
    {
        Id = OrderedIds.Next(),
        At = clock.GetUtcNow().UtcDateTime,
        ActorKind = actorKind,
        ActorId = actorId,
        ActorName = Cut(actorName)!,
        ClientAddress = caller.ClientAddress,
        Action = action,
        TargetKind = target.Kind,
        TargetId = Cut(target.Id)!,
        TargetLabel = Cut(target.Label),
        Changes = AuditDiff.ToJson(changes),
    };

    private static string? Cut(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}
