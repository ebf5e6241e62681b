using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Timeline;

internal static class GetTimeline
{
    public const int MaxEntries = 500;

    internal sealed class Handler(ContactCenterDbContext db, ContactVisibility visibility)
    {
        public async Task<Result<IReadOnlyList<TimelineEntryDto>>> HandleAsync(Guid contactId, CancellationToken cancellationToken)
        {
            var contacts = await visibility.ApplyAsync(db.Set<Contact>().AsNoTracking(), cancellationToken);
            if (!await contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
            {
                return Error.NotFound("The contact");
            }

            var entries = await db.Set<TimelineEntry>().AsNoTracking()
                .Where(e => e.ContactId == contactId)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.Id)
                .Take(MaxEntries)
                .ToListAsync(cancellationToken);
            return entries.Select(ContactViews.Entry).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contacts/{id:guid}/timeline", async Task<Results<Ok<IReadOnlyList<TimelineEntryDto>>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetContactTimeline")
        .WithSummary("A contact's timeline")
        .WithDescription($"Newest first (at most {MaxEntries}): leads received, WhatsApp arrivals, returning-contact notices, routing and transfers, " +
            "unanswered-lead tasks and edits, each in plain words with its kind. 404 when the caller may not see the contact.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
