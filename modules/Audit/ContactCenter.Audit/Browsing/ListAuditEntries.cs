using ContactCenter.Audit.Domain;
using ContactCenter.Audit.Recording;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Audit.Browsing;

/// <summary>The audit log, newest first, in keyset pages, filtered by time, actor, action and kind of target.</summary>
internal static class ListAuditEntries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <param name="From">Entries at or after this instant.</param>
    /// <param name="To">Entries before this instant.</param>
    /// <param name="Actor">A user's or API key's id, or its name as recorded (<c>anonymous</c> for login holds).</param>
    /// <param name="Action">An action code (<c>user.updated</c>), or its kind alone (<c>user</c>) for all of them.</param>
    /// <param name="TargetKind">The kind of thing acted on (<c>user</c>, <c>channelAccount</c>…).</param>
    internal sealed record Query(
        DateTime? From = null, DateTime? To = null, string? Actor = null, string? Action = null, string? TargetKind = null,
        string? Cursor = null, int? Limit = null);

    /// <summary>One changed field; secrets read <c>••••</c>.</summary>
    internal sealed record ChangeView(string Field, string? Before, string? After);

    internal sealed record EntryView(
        Guid Id, DateTime At, string ActorKind, Guid? ActorId, string ActorName, string? ClientAddress,
        string Action, string TargetKind, string TargetId, string? TargetLabel, IReadOnlyList<ChangeView> Changes);

    /// <summary>A page of entries; pass <see cref="NextCursor"/> as <c>cursor</c> for older ones (null at the end).</summary>
    internal sealed record Page(IReadOnlyList<EntryView> Items, string? NextCursor);

    internal sealed class Handler(ContactCenterDbContext db)
    {
        public async Task<Result<Page>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            var after = default(PageCursor?);
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                validator.Check(PageCursor.TryDecode(query.Cursor, out var decoded), "cursor", "Use the nextCursor of a previous page.");
                after = decoded;
            }

            validator.Check(query.Limit is null or >= 1 and <= MaxLimit, "limit", $"Ask for 1 to {MaxLimit} entries.");
            validator.Check(query.From is null || query.To is null || query.From < query.To, "to", "to must be after from.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var entries = db.Set<AuditEntry>().AsNoTracking();
            if (query.From is { } from)
            {
                var since = from.ToUniversalTime();
                entries = entries.Where(e => e.At >= since);
            }

            if (query.To is { } to)
            {
                var until = to.ToUniversalTime();
                entries = entries.Where(e => e.At < until);
            }

            if (query.Actor?.Trim() is { Length: > 0 } actor)
            {
                entries = Guid.TryParse(actor, out var actorId)
                    ? entries.Where(e => e.ActorId == actorId)
                    : entries.Where(e => e.ActorName == actor);
            }

            if (query.Action?.Trim() is { Length: > 0 } action)
            {
                var prefix = action + ".";
                entries = entries.Where(e => e.Action == action || e.Action.StartsWith(prefix));
            }

            if (query.TargetKind?.Trim() is { Length: > 0 } targetKind)
            {
                entries = entries.Where(e => e.TargetKind == targetKind);
            }

            if (after is { } last)
            {
                entries = entries.Where(e => e.At < last.At || (e.At == last.At && e.Id.CompareTo(last.Id) < 0));
            }

            var limit = query.Limit ?? DefaultLimit;
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? new PageCursor(page[^1].At, page[^1].Id).Encode() : null;
            return new Page([.. page.Select(View)], next);
        }

        private static EntryView View(AuditEntry e) => new(
            e.Id, e.At, e.ActorKind, e.ActorId, e.ActorName, e.ClientAddress, e.Action, e.TargetKind, e.TargetId, e.TargetLabel,
            [.. AuditDiff.FromJson(e.Changes).Select(c => new ChangeView(c.Field, c.Before, c.After))]);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit", async Task<Results<Ok<Page>, ProblemHttpResult>> ([AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListAuditEntries")
        .WithSummary("The audit log, newest first, in pages")
        .WithDescription($"{{items, nextCursor}}: {DefaultLimit} entries per page unless limit (1–{MaxLimit}) says otherwise; pass nextCursor as " +
            "cursor for older ones. Filters: from/to (instants), actor (id or recorded name), action (code or its kind), targetKind. Each entry " +
            "says when, who (user, API key or anonymous for login holds), from which address, what was done to what, and the changed fields " +
            "before and after; secrets read ••••.")
        .WithTags("Audit")
        .RequireAuthorization(Policies.Admin);
}
