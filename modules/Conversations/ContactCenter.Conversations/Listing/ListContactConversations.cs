using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// A contact's conversations, newest first, each with its last messages: what the contact page shows under the
/// timeline so a supervisor reads what was said and how it ended. Only what the caller may see (the inbox's rule):
/// an agent sees the conversations that were theirs, not a colleague's.
/// </summary>
internal static class ListContactConversations
{
    public const int MaxConversations = 50;
    public const int DefaultMessagesEach = 5;
    public const int MaxMessagesEach = 50;

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility, IQueuesApi queues, ICurrentUser caller)
    {
        public async Task<Result<IReadOnlyList<ContactConversation>>> HandleAsync(Guid contactId, int messagesEach, CancellationToken cancellationToken)
        {
            if (messagesEach is < 0 or > MaxMessagesEach)
            {
                return Error.Validation("messages", $"Ask for 0 to {MaxMessagesEach} messages per conversation.");
            }

            var conversations = await (await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken))
                .Where(c => c.ContactId == contactId)
                .OrderByDescending(c => c.CreatedAt)
                .ThenByDescending(c => c.Id)
                .Take(MaxConversations)
                .ToListAsync(cancellationToken);
            if (conversations.Count == 0)
            {
                return Array.Empty<ContactConversation>();
            }

            var ids = conversations.Select(c => c.Id).ToList();
            var counts = await db.Set<Message>().AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId))
                .GroupBy(m => m.ConversationId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            var (teamNames, people) = await queues.LoadNamesAsync(cancellationToken);

            // One small query per conversation for its last messages (a contact has a handful, and "last N of each" has
            // no portable single query), then their media and edits for all of them at once.
            var last = new List<Message>();
            foreach (var conversation in conversations.Where(_ => messagesEach > 0))
            {
                var newest = await db.Set<Message>().AsNoTracking()
                    .Where(m => m.ConversationId == conversation.Id)
                    .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                    .Take(messagesEach)
                    .ToListAsync(cancellationToken);
                newest.Reverse();
                last.AddRange(newest);
            }

            var messages = (await MessageViews.ToDtosAsync(db, last, cancellationToken)).ToLookup(m => m.ConversationId);
            List<ContactConversation> result = [.. conversations.Select(conversation => new ContactConversation(
                conversation.ToSummary(caller),
                conversation.CreatedAt,
                conversation.AssignedAgentId is { } agent ? people.GetValueOrDefault(agent) : null,
                conversation.TeamId is { } team ? teamNames.GetValueOrDefault(team) : null,
                counts.GetValueOrDefault(conversation.Id),
                [.. messages[conversation.Id]]))];
            return result;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contacts/{id:guid}/conversations", async Task<Results<Ok<IReadOnlyList<ContactConversation>>, ProblemHttpResult>> (
                Guid id, int? messages, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, messages ?? DefaultMessagesEach, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListContactConversations")
        .WithSummary("A contact's conversations")
        .WithDescription($"Newest first (at most {MaxConversations}), only those the caller may see, each with its status, agent, team, " +
            $"wrap-up, message count and its last messages (messages=0..{MaxMessagesEach}, default {DefaultMessagesEach}), oldest first. " +
            "An empty list when there are none or none is the caller's to see.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
