using System.Globalization;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// A conversation's messages, oldest first, in keyset pages; only for callers who may see the conversation. With a
/// search, only the messages whose text or caption holds it (<see cref="MessageSearch"/>).
/// </summary>
internal static class ListMessages
{
    public const int PageSize = 100;

    internal sealed class Handler(ContactCenterDbContext db, ConversationVisibility visibility)
    {
        public async Task<Result<MessagePage>> HandleAsync(Guid conversationId, string? cursor, CancellationToken cancellationToken, string? search = null)
        {
            if (search?.Length > MessageSearch.MaxQuery)
            {
                return Error.Validation("search", $"Search for at most {MessageSearch.MaxQuery} characters.");
            }

            var visible = await visibility.ApplyAsync(db.Set<Conversation>().AsNoTracking(), cancellationToken);
            if (!await visible.AnyAsync(c => c.Id == conversationId, cancellationToken))
            {
                return Error.NotFound("The conversation");
            }

            var query = db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == conversationId);
            if (cursor is { Length: > 0 })
            {
                if (Decode(cursor) is not var (at, id))
                {
                    return Error.Validation("cursor", "The cursor is not one this API returned.");
                }

                query = query.Where(m => m.CreatedAt > at || (m.CreatedAt == at && m.Id.CompareTo(id) > 0));
            }

            if (!string.IsNullOrWhiteSpace(search))
            {
                var folded = MessageSearch.Fold(search);
                var texts = await query.Where(m => m.Text != null)
                    .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                    .Select(m => new { m.Id, m.Text })
                    .ToListAsync(cancellationToken);
                var ids = texts.Where(t => MessageSearch.Matches(t.Text, folded)).Take(PageSize + 1).Select(t => t.Id).ToList();
                query = query.Where(m => ids.Contains(m.Id));
            }

            var page = await query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            var next = page.Count > PageSize ? Encode(page[PageSize - 1]) : null;
            return new MessagePage(await MessageViews.ToDtosAsync(db, page.Take(PageSize).ToList(), cancellationToken), next);
        }

        private static string Encode(Message last) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(last.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + last.Id));

        private static (DateTime At, Guid Id)? Decode(string cursor)
        {
            try
            {
                var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
                return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParse(parts[1], out var id)
                    ? (new DateTime(ticks, DateTimeKind.Utc), id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations/{id:guid}/messages", async Task<Results<Ok<MessagePage>, ProblemHttpResult>> (Guid id, string? cursor, string? search, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, cursor, ct, search)).ToHttp(TypedResults.Ok))
        .WithName("ListConversationMessages")
        .WithSummary("List a conversation's messages, oldest first")
        .WithDescription("search: only messages whose text or caption holds these words, without regard to case or accents. " +
            "404 when the conversation does not exist or the caller may not see it.")
        .WithTags("Messages")
        .RequireAuthorization(Policies.Agent);
}
