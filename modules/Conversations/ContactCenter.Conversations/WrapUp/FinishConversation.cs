using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.WrapUp;
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

namespace ContactCenter.Conversations.WrapUp;

/// <summary>
/// Ends a conversation: its agent, or a supervisor or admin who can see it, marks it finished with the contact reason
/// (from the admin's list, required once the list has active entries) and an optional description, and routing frees the
/// agent's capacity (<see cref="ConversationFinished"/>). The contact's next message opens a new conversation.
/// </summary>
internal static class FinishConversation
{
    public const int MaxReason = 200;
    public const int MaxNote = 2000;

    public const string ReasonRequired = "reason_required";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <param name="ReasonId">A reason of the admin's list.</param>
    /// <param name="Reason">A reason by its name (for integrations), or free text while the list is empty.</param>
    /// <param name="Note">The optional description.</param>
    internal sealed record Request(string? Reason = null, string? Note = null, Guid? ReasonId = null);

    internal sealed class Handler(
        ContactCenterDbContext db, ConversationVisibility visibility, IDomainEvents events, ICurrentUser caller, TimeProvider clock, ILogger<Handler> logger)
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
            if (!ReplyRule.MayAct(conversation, caller))
            {
                return ReplyRule.Refusal("finish it");
            }

            if (conversation.Status == ConversationStatus.Finished)
            {
                return Error.Conflict("already_finished", "This conversation is already finished.");
            }

            var reason = await ResolveReasonAsync(request, cancellationToken);
            if (!reason.IsSuccess)
            {
                return reason.Error!;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var byUser = caller.IsApiKey ? null : caller.UserId;
            conversation.Status = ConversationStatus.Finished;
            conversation.FinishedAt = now;
            conversation.FinishedById = byUser;
            conversation.ContactReasonId = reason.Value.Id;
            conversation.ContactReasonName = reason.Value.Name;
            conversation.FinishNote = Blank(request.Note);
            events.Raise(new ConversationFinished(
                conversation.Id, conversation.AssignedAgentId, byUser, now, reason.Value.Name, conversation.FinishNote, conversation.ContactId));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Conversation {ConversationId} finished by {UserId}: {Reason} {Note}", conversation.Id, caller.UserId, request.Reason, request.Note);
            return conversation.ToSummary(caller);
        }

        /// <summary>
        /// Once the admin has listed reasons, one of them is required (by id, or by name for integrations); before that, the
        /// reason is optional free text, so a fresh install can finish conversations.
        /// </summary>
        private async Task<Result<(Guid? Id, string? Name)>> ResolveReasonAsync(Request request, CancellationToken cancellationToken)
        {
            var active = await db.Set<ContactReason>().AsNoTracking().Where(r => r.IsActive).ToListAsync(cancellationToken);
            if (request.ReasonId is { } reasonId)
            {
                return active.FirstOrDefault(r => r.Id == reasonId) is { } chosen
                    ? ((Guid?)chosen.Id, (string?)chosen.Name)
                    : Error.Validation("reasonId", "Choose one of the active contact reasons.");
            }

            var text = Blank(request.Reason);
            if (active.Count == 0)
            {
                return ((Guid?)null, text);
            }

            if (text is null)
            {
                return new Error(ReasonRequired, "Choose the contact reason: " + string.Join(", ", active.Select(r => r.Name)) + ".", 422)
                {
                    Fields = new Dictionary<string, string[]> { ["reasonId"] = ["Choose the contact reason."] },
                };
            }

            return active.FirstOrDefault(r => string.Equals(r.Name, text, StringComparison.CurrentCultureIgnoreCase)) is { } named
                ? ((Guid?)named.Id, (string?)named.Name)
                : Error.Validation("reason", "Use one of the contact reasons: " + string.Join(", ", active.Select(r => r.Name)) + ".");
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/conversations/{id:guid}/finish", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (
            Guid id, HttpRequest http, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, await http.ReadOptionalJsonAsync<Request>(ct) ?? new Request(), ct)).ToHttp(TypedResults.Ok))
        .WithName("FinishConversation")
        .WithSummary("Finish a conversation")
        .WithDescription("Body {reasonId, note} (or reason by name). Once contact reasons are listed (/contact-reasons), one is required: 422 reason_required. " +
            "For its agent, or a supervisor or admin who can see it; frees the agent's capacity. " +
            "404 when the caller may not see it, 403 not_your_conversation when it is another agent's or still in the pool, 409 already_finished.")
        .WithTags("Conversations")
        .RequireAuthorization(Policies.Agent);
}
