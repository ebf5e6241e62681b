using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Conversations.Routing;

/// <summary>
/// Ends a conversation: its agent, or a supervisor or admin who can see it, marks it finished, and routing frees the
/// agent's capacity (<see cref="ConversationFinished"/>). The contact's next message opens a new conversation.
/// </summary>
internal static class FinishConversation
{
    public const int MaxReason = 200;
    public const int MaxNote = 2000;

    /// <summary>Why and how it ended, for the log (the wrap-up is not stored yet: it comes with the history work).</summary>
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal sealed record Request(string? Reason = null, string? Note = null);

    internal sealed class Handler(
        ContactCenterDbContext db, ConversationVisibility visibility, IEventBus events, ICurrentUser caller, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result<ConversationSummary>> HandleAsync(Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator()
                .Check((request.Reason?.Length ?? 0) <= MaxReason, "reason", $"Say why in at most {MaxReason} characters.")
                .Check((request.Note?.Length ?? 0) <= MaxNote, "note", $"The note has at most {MaxNote} characters.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var conversation = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (conversation is null)
            {
                return Error.NotFound("The conversation");
            }

            // An agent sees their team's pool too, but only finishes what is theirs.
            if (conversation.AssignedAgentId != caller.UserId && !caller.IsAtLeast(Role.Supervisor))
            {
                return Error.Forbidden("Only the conversation's agent, a supervisor or an admin can finish it.");
            }

            if (conversation.Status == ConversationStatus.Finished)
            {
                return Error.Conflict("already_finished", "This conversation is already finished.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            conversation.Status = ConversationStatus.Finished;
            var byUser = caller.IsApiKey ? null : caller.UserId;
            await events.PublishAsync(new ConversationFinished(
                conversation.Id, conversation.AssignedAgentId, byUser, now, Blank(request.Reason), Blank(request.Note), conversation.ContactId), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Conversation {ConversationId} finished by {UserId}: {Reason} {Note}", conversation.Id, caller.UserId, request.Reason, request.Note);
            return conversation.ToSummary();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/finish", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (
            Guid id, HttpRequest http, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, await http.ReadOptionalJsonAsync<Request>(ct) ?? new Request(), ct)).ToHttp(TypedResults.Ok))
        .WithName("FinishConversation")
        .WithSummary("Finish a conversation")
        .WithDescription("Optional body {reason, note}. For its agent, or a supervisor or admin who can see it; frees the agent's capacity. " +
            "404 when the caller may not see it, 403 when it is another agent's, 409 already_finished.")
        .WithTags("Conversations")
        .RequireAuthorization(Policies.Agent);
}
