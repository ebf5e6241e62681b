namespace ContactCenter.Kernel.Audit;

/// <summary>
/// The append-only record of what admins and supervisors change (users, teams, routing, channel accounts, templates,
/// the chatbot, API keys, other people's presence, products, contact reasons, jobs run by hand, outbox retries and inbox
/// re-processing) and of every login hold (docs/security.md, "Audit log"). It lives in
/// the kernel because every module's use cases call it and may reference nothing else in common; the Audit module
/// stores and shows it.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Adds one entry to the caller's unit of work: it is saved by the use case's own <c>SaveChangesAsync</c>, so a
    /// change is never saved without its entry, nor an entry kept for a change that failed. Who, when and from where
    /// come from the current caller and the clock. <paramref name="before"/> and <paramref name="after"/> are plain
    /// objects (anonymous or records) whose properties are compared: only changed fields are kept, and
    /// <see cref="AuditSecret"/> values are written as <see cref="AuditSecret.Mask"/>, never as themselves.
    /// </summary>
    /// <param name="action">What was done, <c>kind.verb</c> (e.g. <c>user.updated</c>).</param>
    /// <param name="target">What it was done to.</param>
    /// <param name="before">The fields before the change (null for a creation).</param>
    /// <param name="after">The fields after it (null for a deletion).</param>
    void Record(string action, AuditTarget target, object? before = null, object? after = null);

    /// <summary>
    /// Records an event that changes nothing else (a login hold) and saves it at once, on its own unit of work, for
    /// an anonymous caller: the actor is the name that was typed, marked as such.
    /// </summary>
    Task RecordAnonymousAsync(string action, AuditTarget target, object? details, CancellationToken cancellationToken);
}

/// <summary>What an audit entry is about.</summary>
/// <param name="Kind">The kind of thing, singular (<c>user</c>, <c>team</c>, <c>channelAccount</c>…); the page filters on it.</param>
/// <param name="Id">Its id, as text.</param>
/// <param name="Label">How people recognise it (a name, a login), as it was then.</param>
public sealed record AuditTarget(string Kind, string Id, string? Label)
{
    public static AuditTarget Of(string kind, Guid id, string? label) => new(kind, id.ToString(), label);
}
