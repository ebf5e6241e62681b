using ContactCenter.Channels.Contracts;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Conversations.Messages;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contracts;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Outreach;

/// <summary>
/// "Nova conversa" (seeds 001, 004): an agent writes first to a number from one of the channel accounts. The number
/// is read with libphonenumber (any way a person types it) and stored as E.164. The contact's open conversation on that
/// number is reused with its history; otherwise a new one opens, assigned to the agent who started it and counted on
/// their load. The 24-hour window is the contact's, not the conversation's: it carries over from their last message
/// on that number, and once it is closed only an approved template may start the talk. Every check runs before
/// anything is written, so a refusal leaves no contact or conversation behind.
/// </summary>
internal static class StartOutreach
{
    public const string InvalidPhoneNumber = "invalid_phone_number";
    public const string InvalidCpf = "invalid_cpf";
    public const string TemplateRequired = "template_required";
    public const string ConversationInProgress = "conversation_in_progress";

    public const int MaxName = 200;

    /// <param name="ChannelAccountId">The origin number (channel account) to write from.</param>
    /// <param name="Phone">The destination as typed: "+55 (11) 99999-9999", "11 99999-9999", "5511999999999".</param>
    /// <param name="AgentId">Who takes the conversation: for API keys (required); a supervisor or admin may name another agent.</param>
    /// <param name="TemplateId">An approved template of that number; required when the contact's window is closed.</param>
    internal sealed record Request(
        Guid ChannelAccountId,
        string? Phone,
        string? Name = null,
        string? Cpf = null,
        Guid? AgentId = null,
        Guid? TemplateId = null,
        IReadOnlyDictionary<string, string>? Variables = null,
        bool ConfirmCooldown = false);

    /// <param name="Existing">The contact already had this open conversation: it was reused, not opened.</param>
    /// <param name="Message">The template sent, when one was.</param>
    internal sealed record Response(ConversationSummary Conversation, bool Existing, MessageDto? Message);

    internal sealed class Handler(
        ContactCenterDbContext db,
        ConversationVisibility visibility,
        IChannelsApi channels,
        IContactsApi contacts,
        IQueuesApi queues,
        SendTemplateMessage.Handler templates,
        IDomainEvents events,
        ICurrentUser caller,
        PhoneNumberReader phoneNumbers,
        TimeProvider clock)
    {
        public async Task<Result<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (await channels.FindAccountAsync(request.ChannelAccountId, cancellationToken) is null)
            {
                return Error.Validation("channelAccountId", "Choose the channel account (origin number) to write from.");
            }

            if (!phoneNumbers.TryParse(request.Phone, out var dialed))
            {
                return new Error(InvalidPhoneNumber,
                    $"'{request.Phone}' is not a valid phone number: type the country code, the area code and the number, e.g. +55 11 99999-9999.", 422)
                {
                    Fields = new Dictionary<string, string[]> { ["phone"] = ["Type the country code, the area code and the number."] },
                };
            }

            var phone = dialed.Digits;
            string? cpf = null;
            if (!string.IsNullOrWhiteSpace(request.Cpf))
            {
                if (!Cpf.TryParse(request.Cpf, out var parsed))
                {
                    return new Error(InvalidCpf, $"'{request.Cpf}' is not a valid CPF (11 digits with their check digits).", 422)
                    {
                        Fields = new Dictionary<string, string[]> { ["cpf"] = ["The CPF is not valid."] },
                    };
                }

                cpf = parsed.Digits;
            }

            var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
            if (name?.Length > MaxName)
            {
                return Error.Validation("name", $"The name has at most {MaxName} characters.");
            }

            var agent = await ResolveAgentAsync(request.AgentId, cancellationToken);
            if (!agent.IsSuccess)
            {
                return agent.Error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var target = await contacts.PrepareOutreachAsync(new OutreachTarget(phone, name, cpf), cancellationToken);
            var contact = target.Contact;
            var open = await db.Set<Conversation>()
                .Where(c => c.ChannelAccountId == request.ChannelAccountId && c.ContactId == contact.ContactId && c.Status != ConversationStatus.Finished)
                .OrderByDescending(c => c.LastMessageAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (open is not null && !await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken)).AnyAsync(c => c.Id == open.Id, cancellationToken))
            {
                var holder = open.AssignedAgentId is { } held ? (await queues.FindAgentAsync(held, cancellationToken))?.DisplayName : null;
                return Error.Conflict(ConversationInProgress, holder is null
                    ? "This contact already has an open conversation on this number, in another team's queue."
                    : $"This contact already has an open conversation on this number, with {holder}.");
            }

            var conversation = open ?? new Conversation
            {
                ContactId = contact.ContactId,
                ContactName = contact.DisplayName,
                ContactPhone = contact.Phone ?? phone,
                ChannelAccountId = request.ChannelAccountId,
                Status = ConversationStatus.New,
                CreatedAt = now,
                LastMessageAt = now,
                ProductId = target.ProductId,
                TeamId = target.TeamId,
                WindowClosesAt = await LastWindowAsync(request.ChannelAccountId, contact.ContactId, cancellationToken),
            };
            if (name is not null)
            {
                conversation.ContactName = name;
            }

            SendTemplateMessage.PreparedTemplate? template = null;
            if (request.TemplateId is { } templateId)
            {
                var prepared = await templates.PrepareAsync(conversation, new(templateId, request.Variables, request.ConfirmCooldown), cancellationToken);
                if (!prepared.IsSuccess)
                {
                    return prepared.Error;
                }

                template = prepared.Value;
            }
            else if (conversation.WindowClosesAt is not { } closes || closes <= now)
            {
                return new Error(TemplateRequired,
                    "The contact has not written in the last 24 hours: the conversation can only start with an approved template (templateId and its variables).", 422);
            }

            if (open is null)
            {
                db.Add(conversation);
                events.Raise(
                    new ConversationOpened(
                        conversation.Id, contact.ContactId, conversation.ChannelAccountId, target.ProductId, target.TeamId, target.OwnerAgentId,
                        IsReturning: false, now, StartedByAgentId: agent.Value));
            }

            var message = template is null ? null : await templates.SendAsync(conversation, template, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var dto = message is null ? null : (await MessageViews.ToDtosAsync(db, [message], cancellationToken))[0];
            return new Response(conversation.ToSummary(caller), open is not null, dto);
        }

        /// <summary>
        /// The agent who takes the conversation: the caller; another agent only when a supervisor or admin names one;
        /// for an API key, the agent it names (a key is no agent and has no load).
        /// </summary>
        private async Task<Result<Guid>> ResolveAgentAsync(Guid? requested, CancellationToken cancellationToken)
        {
            if (!caller.IsApiKey && caller.UserId is { } self && (requested is null || requested == self))
            {
                return self;
            }

            if (requested is not { } agentId)
            {
                return Error.Validation("agentId", "Name the agent (agentId) who takes the conversation: an API key cannot hold one.");
            }

            if (!caller.IsApiKey && !caller.IsAtLeast(Role.Supervisor))
            {
                return Error.Forbidden("Only a supervisor or an admin can start a conversation for another agent.");
            }

            var agent = await queues.FindAgentAsync(agentId, cancellationToken);
            return agent is { IsActive: true }
                ? agentId
                : Error.Validation("agentId", "This agent does not exist or is deactivated.");
        }

        /// <summary>The contact's window on this number is 24 h after their last message, whichever conversation held it.</summary>
        private Task<DateTime?> LastWindowAsync(Guid channelAccountId, Guid contactId, CancellationToken cancellationToken) =>
            db.Set<Conversation>().AsNoTracking()
                .Where(c => c.ChannelAccountId == channelAccountId && c.ContactId == contactId && c.WindowClosesAt != null)
                .MaxAsync(c => c.WindowClosesAt, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/outreach", async Task<Results<Created<Response>, Ok<Response>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                if (!result.IsSuccess)
                {
                    return result.Error.ToProblem();
                }

                return result.Value.Existing
                    ? TypedResults.Ok(result.Value)
                    : TypedResults.Created($"/api/v1/conversations/{result.Value.Conversation.Id}", result.Value);
            })
            .WithName("StartOutreach")
            .WithSummary("Start a conversation with a number (\"Nova conversa\"), optionally with an approved template")
            .WithDescription("201: a new conversation, assigned to the agent who started it (an API key names agentId) and counted on their load. " +
                "200: the contact's open conversation on that number, reused with its history. The number may be typed in any format " +
                "(422 invalid_phone_number otherwise); a CPF is checked (422 invalid_cpf). When the contact has not written in 24 h, " +
                "templateId is required (422 template_required) and the template rules apply: 409 template_not_approved, " +
                "422 template_variables_missing, 409 cooldown_confirmation_required. 409 conversation_in_progress when the open " +
                "conversation is another agent's. A refusal writes nothing.")
            .WithTags("Conversations")
            .RequireAuthorization(Policies.Agent);
}
