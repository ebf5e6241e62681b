using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Timeline;

/// <summary>A contact's timeline, newest first, in keyset pages (<see cref="PageCursor"/>).</summary>
internal static class GetTimeline
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    internal sealed record Query(string? Cursor = null, int? Limit = null);

    internal sealed class Handler(ContactCenterDbContext db, ContactVisibility visibility)
    {
        public async Task<Result<TimelinePage>> HandleAsync(Guid contactId, Query query, CancellationToken cancellationToken)
        {
            var contacts = await visibility.ApplyAsync(db.Set<Contact>().AsNoTracking(), cancellationToken);
            if (!await contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
            {
                return Error.NotFound("The contact");
            }

            var validator = new Validator();
            var after = default(PageCursor?);
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                validator.Check(PageCursor.TryDecode(query.Cursor, out var decoded), "cursor", "Use the nextCursor of a previous page.");
                after = decoded;
            }

            validator.Check(query.Limit is null or >= 1 and <= MaxLimit, "limit", $"Ask for 1 to {MaxLimit} entries.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var entries = db.Set<TimelineEntry>().AsNoTracking().Where(e => e.ContactId == contactId);
            if (after is { } last)
            {
                entries = entries.Where(e => e.At < last.At || (e.At == last.At && e.Id.CompareTo(last.Id) < 0));
            }

            var limit = query.Limit ?? DefaultLimit;
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? new PageCursor(page[^1].At, page[^1].Id).Encode() : null;
            return new TimelinePage(page.Select(ContactViews.Entry).ToList(), next);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contacts/{id:guid}/timeline", async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> (
                Guid id, [AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, query, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetContactTimeline")
        .WithSummary("A contact's timeline, newest first, in pages")
        .WithDescription($"{{items, nextCursor}}: {DefaultLimit} entries per page unless limit (1–{MaxLimit}) says otherwise; pass nextCursor as cursor " +
            "for older entries (null at the end). Leads received with product and source, WhatsApp arrivals, returning-contact notices, routing " +
            "and transfers, wrap-ups, tickets and their status, template sends, temperature changes, unanswered-lead tasks and edits, each in " +
            "plain words with its kind. 404 when the caller may not see the contact.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
