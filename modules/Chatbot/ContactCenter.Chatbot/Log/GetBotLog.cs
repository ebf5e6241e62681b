using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Evaluation;
using ContactCenter.Chatbot.Ui;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Chatbot.Log;

/// <summary>
/// What the bot did in a conversation, oldest first, in the reader's language: each evaluation (which trigger fired and
/// why, or why none did), each message it sent, moves, the hand-off, and who stopped it. For whoever may see the conversation.
/// </summary>
internal static class GetBotLog
{
    internal sealed record Line(DateTime At, string Kind, Guid? TriggerId, string? TriggerDescription, string Text);

    /// <summary><see cref="State"/>: active, handedOff, stopped, finished, or null when the bot never had the conversation.</summary>
    internal sealed record Response(Guid ConversationId, string? State, IReadOnlyList<Line> Lines);

    internal sealed class Handler(ContactCenterDbContext db, IConversationsApi conversations, IStringLocalizer<Strings> l)
    {
        public async Task<Result<Response>> HandleAsync(Guid conversationId, CancellationToken cancellationToken)
        {
            if (await conversations.FindVisibleAsync(conversationId, cancellationToken) is null)
            {
                return Error.NotFound("The conversation");
            }

            var session = await db.Set<BotSession>().AsNoTracking().FirstOrDefaultAsync(s => s.ConversationId == conversationId, cancellationToken);
            var entries = await db.Set<BotLogEntry>().AsNoTracking()
                .Where(e => e.ConversationId == conversationId)
                .OrderBy(e => e.Position)
                .ToListAsync(cancellationToken);
            var state = session is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(session.State.ToString());
            return new Response(conversationId, state, [.. entries.Select(e => new Line(e.At, e.Kind, e.TriggerId, e.TriggerDescription, BotWording.Line(l, e)))]);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/conversations/{id:guid}/bot-log", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetBotLog")
        .WithSummary("What the chatbot did in a conversation, and why, in words")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Agent);
}
