using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
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

namespace ContactCenter.Conversations.Listing;

internal static class ListConversations
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>
    /// Filters narrow what the caller may see anyway; <c>from</c> is inclusive, <c>to</c> exclusive, both on the last message.
    /// <c>open</c>: not finished. <c>pool</c>: unclaimed ones waiting in a pool-mode team (what an agent can claim).
    /// </summary>
    internal sealed record Query(
        string? Search = null,
        string? Status = null,
        Guid? TeamId = null,
        Guid? AgentId = null,
        DateTimeOffset? From = null,
        DateTimeOffset? To = null,
        string? Cursor = null,
        int? Limit = null,
        bool? Open = null,
        bool? Pool = null,
        string? Mark = null);

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, IQueuesApi queues, ICurrentUser caller, PhoneNumberReader phoneNumbers)
    {
        public async Task<Result<ConversationPage>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            ConversationStatus? status = null;
            if (!string.IsNullOrWhiteSpace(query.Status))
            {
                var known = Enum.TryParse<ConversationStatus>(query.Status, ignoreCase: true, out var parsed)
                    && !char.IsAsciiDigit(query.Status.Trim()[0]) && Enum.IsDefined(parsed);
                validator.Check(known, "status", "The status must be new, awaitingAgent, awaitingContact or finished.");
                status = known ? parsed : null;
            }

            ConversationMark? mark = null;
            var unmarked = false;
            if (!string.IsNullOrWhiteSpace(query.Mark))
            {
                var text = query.Mark.Trim();
                unmarked = text.Equals("none", StringComparison.OrdinalIgnoreCase);
                if (!unmarked && !char.IsAsciiDigit(text[0]) && Enum.TryParse<ConversationMark>(text, ignoreCase: true, out var parsedMark) && Enum.IsDefined(parsedMark))
                {
                    mark = parsedMark;
                }

                validator.Check(unmarked || mark is not null, "mark", "The mark must be pending, resolved or none.");
            }

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

            var conversations = await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken);
            conversations = Filter(conversations, query, status);
            if (mark is { } m)
            {
                conversations = conversations.Where(c => c.Mark == m);
            }
            else if (unmarked)
            {
                conversations = conversations.Where(c => c.Mark == null);
            }

            if (query.Pool == true)
            {
                List<Guid?> poolTeams = [.. (await queues.ListTeamsAsync(cancellationToken))
                    .Where(t => t.RoutingMode == TeamRoutingMode.Pool)
                    .Select(t => (Guid?)t.Id)];
                conversations = conversations.Where(c =>
                    c.AssignedAgentId == null && c.Status != ConversationStatus.Finished && poolTeams.Contains(c.TeamId));
            }

            if (cursor is { } after)
            {
                conversations = conversations.Where(c =>
                    c.LastMessageAt < after.LastMessageAt || (c.LastMessageAt == after.LastMessageAt && c.Id.CompareTo(after.Id) < 0));
            }

            var limit = query.Limit ?? DefaultLimit;
            var rows = await conversations
                .OrderByDescending(c => c.LastMessageAt)
                .ThenByDescending(c => c.Id)
                .Take(limit + 1)
                .ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? new ConversationCursor(page[^1].LastMessageAt, page[^1].Id).Encode() : null;
            return new ConversationPage(page.Select(c => c.ToSummary(caller)).ToList(), next);
        }

        private IQueryable<Conversation> Filter(IQueryable<Conversation> conversations, Query query, ConversationStatus? status)
        {
            if (ContactSearch.Parse(query.Search, phoneNumbers) is { } search)
            {
                conversations = search.Apply(conversations);
            }

            if (status is { } s)
            {
                conversations = conversations.Where(c => c.Status == s);
            }

            if (query.Open == true)
            {
                conversations = conversations.Where(c => c.Status != ConversationStatus.Finished);
            }

            if (query.TeamId is { } teamId)
            {
                conversations = conversations.Where(c => c.TeamId == teamId);
            }

            if (query.AgentId is { } agentId)
            {
                conversations = conversations.Where(c => c.AssignedAgentId == agentId);
            }

            if (query.From is { } from)
            {
                var fromUtc = from.UtcDateTime;
                conversations = conversations.Where(c => c.LastMessageAt >= fromUtc);
            }

            if (query.To is { } to)
            {
                var toUtc = to.UtcDateTime;
                conversations = conversations.Where(c => c.LastMessageAt < toUtc);
            }

            return conversations;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations", async Task<Results<Ok<ConversationPage>, ProblemHttpResult>> ([AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListConversations")
        .WithSummary("List conversations")
        .WithDescription("Newest activity first, only those the caller may see (agents: assigned to them or unassigned in their teams; supervisors: their teams'; admins: all). " +
            "search matches the contact's name or phone; from/to bound the last message time; open=true leaves out finished ones; " +
            "pool=true lists the unclaimed ones waiting in pool-mode teams; status=new|awaitingAgent|awaitingContact|finished; " +
            "mark=pending|resolved|none; pass nextCursor as cursor for the next page.")
        .WithTags("Conversations")
        .RequireAuthorization(Policies.Agent);
}
