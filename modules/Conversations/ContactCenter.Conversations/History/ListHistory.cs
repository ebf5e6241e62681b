using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.History;

/// <summary>
/// Finished conversations, latest first, under the same visibility rule as the inbox: an agent finds the ones that were
/// theirs, a supervisor their teams', an admin all. Search matches the contact's name or number in whatever format a
/// person types it ("+55 (11) 99999-9999", "11999999999").
/// </summary>
internal static class ListHistory
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary><c>from</c> is inclusive and <c>to</c> exclusive, both on when it was finished.</summary>
    internal sealed record Query(
        string? Search = null,
        DateTimeOffset? From = null,
        DateTimeOffset? To = null,
        Guid? TeamId = null,
        Guid? AgentId = null,
        Guid? ReasonId = null,
        string? Cursor = null,
        int? Limit = null);

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, IQueuesApi queues, PhoneNumberReader phoneNumbers)
    {
        public async Task<Result<HistoryPage>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            var cursor = default(ConversationCursor?);
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                validator.Check(ConversationCursor.TryDecode(query.Cursor, out var decoded), "cursor", "Use the nextCursor of a previous page.");
                cursor = decoded;
            }

            validator.Check(query.Limit is null or >= 1 and <= MaxLimit, "limit", $"Ask for 1 to {MaxLimit} items.");
            validator.Check(query.From is null || query.To is null || query.From < query.To, "to", "'to' must be after 'from'.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var finished = (await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken))
                .Where(c => c.Status == ConversationStatus.Finished && c.FinishedAt != null);
            finished = Filter(finished, query);
            if (cursor is { } after)
            {
                finished = finished.Where(c =>
                    c.FinishedAt < after.LastMessageAt || (c.FinishedAt == after.LastMessageAt && c.Id.CompareTo(after.Id) < 0));
            }

            var limit = query.Limit ?? DefaultLimit;
            var rows = await finished
                .OrderByDescending(c => c.FinishedAt)
                .ThenByDescending(c => c.Id)
                .Take(limit + 1)
                .ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? new ConversationCursor(page[^1].FinishedAt!.Value, page[^1].Id).Encode() : null;

            var (teamNames, people) = await queues.LoadNamesAsync(cancellationToken);
            return new HistoryPage([.. page.Select(c => new HistoryEntry(
                c.Id,
                new ConversationContact(c.ContactId, c.ContactName, c.ContactPhone),
                c.ChannelAccountId,
                c.AssignedAgentId,
                c.AssignedAgentId is { } agent ? people.GetValueOrDefault(agent) : null,
                c.TeamId,
                c.TeamId is { } team ? teamNames.GetValueOrDefault(team) : null,
                c.ContactReasonId,
                c.ContactReasonName,
                c.FinishNote,
                c.CreatedAt,
                c.FinishedAt!.Value))], next);
        }

        private IQueryable<Conversation> Filter(IQueryable<Conversation> conversations, Query query)
        {
            if (ContactSearch.Parse(query.Search, phoneNumbers) is { } search)
            {
                conversations = search.Apply(conversations);
            }

            if (query.TeamId is { } teamId)
            {
                conversations = conversations.Where(c => c.TeamId == teamId);
            }

            if (query.AgentId is { } agentId)
            {
                conversations = conversations.Where(c => c.AssignedAgentId == agentId);
            }

            if (query.ReasonId is { } reasonId)
            {
                conversations = conversations.Where(c => c.ContactReasonId == reasonId);
            }

            if (query.From is { } from)
            {
                var fromUtc = from.UtcDateTime;
                conversations = conversations.Where(c => c.FinishedAt >= fromUtc);
            }

            if (query.To is { } to)
            {
                var toUtc = to.UtcDateTime;
                conversations = conversations.Where(c => c.FinishedAt < toUtc);
            }

            return conversations;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/history", async Task<Results<Ok<HistoryPage>, ProblemHttpResult>> ([AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListHistory")
        .WithSummary("Finished conversations")
        .WithDescription("Latest finished first, with the contact reason, description, agent, team and dates, only those the caller may see. " +
            "search matches the contact's name or number in any format (\"+55 (11) 99999-9999\", \"11999999999\"); from/to bound when it was finished; " +
            "teamId, agentId and reasonId filter; pass nextCursor as cursor for the next page. Read a thread with /conversations/{id}/messages.")
        .WithTags("History")
        .RequireAuthorization(Policies.Agent);
}
