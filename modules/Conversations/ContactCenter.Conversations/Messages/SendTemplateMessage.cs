using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// An approved template sent in a conversation — the only message allowed outside the 24-hour window (inside it too).
/// Every variable must be filled (typed, or from the contact field it is bound to); a second template within the cooldown,
/// with no answer in between, needs the agent's confirmation because Meta bills each one whether or not the contact answers.
/// The window is not reopened by a template: free text stays locked until the contact replies (seed 004).
/// </summary>
internal static partial class SendTemplateMessage
{
    public const string CooldownSetting = "ContactCenter:TemplateResendCooldownHours";

    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromHours(6);

    /// <param name="Variables">Values by placeholder, keyed "body:1", "header:1"; bound ones may be left out.</param>
    /// <param name="ConfirmCooldown">The agent confirmed re-sending within the cooldown.</param>
    internal sealed record Request(Guid TemplateId, IReadOnlyDictionary<string, string>? Variables = null, bool ConfirmCooldown = false);

    /// <summary>What the template picker needs to preview and check a send (the same rules as the API).</summary>
    /// <summary>A template that passed every check, with its variables filled.</summary>
    internal sealed record PreparedTemplate(ApprovedTemplate Template, IReadOnlyDictionary<string, string> Values);

    internal sealed record TemplateDetails(ApprovedTemplate Template, string? ContactName, string ContactPhone);

    internal sealed class Handler(
        ContactCenterDbContext db,
        ConversationVisibility visibility,
        IOutbox outbox,
        ITemplatesApi templates,
        IDomainEvents events,
        ICurrentUser caller,
        TimeProvider clock,
        IConfiguration configuration)
    {
        public async Task<Result<MessageDto>> HandleAsync(Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var conversation = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (conversation is null)
            {
                return Error.NotFound("The conversation");
            }

            var prepared = await PrepareAsync(conversation, request, cancellationToken);
            if (!prepared.IsSuccess)
            {
                return prepared.Error;
            }

            var message = await SendAsync(conversation, prepared.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (await MessageViews.ToDtosAsync(db, [message], cancellationToken))[0];
        }

        /// <summary>
        /// Every check of a send (approved, this number's, variables filled, cooldown confirmed) on a conversation that
        /// need not be stored yet: outreach checks the template before it opens anything.
        /// </summary>
        public async Task<Result<PreparedTemplate>> PrepareAsync(Conversation conversation, Request request, CancellationToken cancellationToken)
        {
            var template = await templates.FindApprovedAsync(request.TemplateId, cancellationToken);
            if (template is null || template.ChannelAccountId != conversation.ChannelAccountId)
            {
                var status = await templates.FindStatusAsync(request.TemplateId, cancellationToken);
                return new Error(TemplateNotApproved, status is null || status.ChannelAccountId != conversation.ChannelAccountId
                    ? "This template does not exist for the conversation's channel account."
                    : $"The template '{status.Name}' is {status.Status}{(status.Reason is null ? string.Empty : $" ({status.Reason})")}: only approved templates can be sent.",
                    409);
            }

            var values = Fill(template, request.Variables, conversation, caller.DisplayName);
            var missing = template.Variables.Where(v => string.IsNullOrWhiteSpace(values.GetValueOrDefault(Key(v)))).Select(Key).ToList();
            if (missing.Count > 0)
            {
                return new Error(TemplateVariablesMissing, $"Fill every variable of the template: {string.Join(", ", missing)}.", 422)
                {
                    Fields = missing.ToDictionary(m => $"variables.{m}", _ => new[] { "This variable must be filled." }),
                };
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (!request.ConfirmCooldown && await LastUnansweredTemplateAsync(conversation.Id, now - Cooldown(), cancellationToken) is { } last)
            {
                return new Error(CooldownConfirmationRequired,
                    $"A template was already sent at {last:yyyy-MM-dd HH:mm} UTC and the contact has not answered. Each template is billed: send again with confirmCooldown=true to confirm.",
                    409);
            }

            return new PreparedTemplate(template, values);
        }

        /// <summary>Stores the message and queues it for the channel (the caller saves the unit of work).</summary>
        public async Task<Message> SendAsync(Conversation conversation, PreparedTemplate prepared, CancellationToken cancellationToken)
        {
            var (template, values) = prepared;
            var now = clock.GetUtcNow().UtcDateTime;
            var message = new Message
            {
                ConversationId = conversation.Id,
                ChannelAccountId = conversation.ChannelAccountId,
                Direction = MessageDirection.Outbound,
                Type = "template",
                Text = Render(template, values),
                Status = "pending",
                CreatedAt = now,
                AuthorAgentId = caller.IsApiKey ? null : caller.UserId,
                StructuredJson = JsonSerializer.Serialize(new TemplateRecord(template.Id, template.Name, template.Language, values)),
            };
            db.Add(message);
            outbox.Enqueue(new OutboundRequest(message.Id, conversation.ChannelAccountId, new OutboundRecipient(conversation.ContactPhone), new SendTemplate(
                template.Name,
                template.Language,
                HeaderParameters: Parameters(template, "header", values),
                BodyParameters: Parameters(template, "body", values))));
            conversation.LastMessageAt = now;
            conversation.Status = ConversationStatus.AwaitingContact;
            if (!caller.IsApiKey && caller.UserId is { } agentId)
            {
                events.Raise(new AgentReplied(conversation.Id, agentId, now));
            }

            return message;
        }

        /// <summary>The approved templates of the conversation's number, for the picker; empty when the caller may not see it.</summary>
        public async Task<IReadOnlyList<ApprovedTemplate>> ListAsync(Guid conversationId, CancellationToken cancellationToken)
        {
            var account = await (await visibility.ApplyAsync(db.Set<Conversation>(), cancellationToken))
                .Where(c => c.Id == conversationId).Select(c => (Guid?)c.ChannelAccountId).FirstOrDefaultAsync(cancellationToken);
            return account is { } id ? await templates.ListApprovedAsync(id, cancellationToken) : [];
        }

        private TimeSpan Cooldown() =>
            double.TryParse(configuration[CooldownSetting], System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours >= 0
                ? TimeSpan.FromHours(hours)
                : DefaultCooldown;

        private async Task<DateTime?> LastUnansweredTemplateAsync(Guid conversationId, DateTime since, CancellationToken cancellationToken)
        {
            var last = await db.Set<Message>().AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound && m.Type == "template" && m.CreatedAt > since)
                .OrderByDescending(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (last is not { } at)
            {
                return null;
            }

            var answered = await db.Set<Message>().AnyAsync(
                m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound && m.CreatedAt > at, cancellationToken);
            return answered ? null : at;
        }
    }

    public const string TemplateNotApproved = "template_not_approved";
    public const string TemplateVariablesMissing = "template_variables_missing";
    public const string CooldownConfirmationRequired = "cooldown_confirmation_required";

    /// <summary>Stored with the message, so the usage count knows which template was billed.</summary>
    internal sealed record TemplateRecord(Guid TemplateId, string Name, string Language, IReadOnlyDictionary<string, string> Values);

    public static string Key(TemplateVariable variable) => $"{variable.Component}:{variable.Position}";

    /// <summary>Typed values win; an empty one falls back to the bound contact field.</summary>
    public static Dictionary<string, string> Fill(ApprovedTemplate template, IReadOnlyDictionary<string, string>? typed, Conversation conversation, string? agentName)
    {
        var values = new Dictionary<string, string>();
        foreach (var variable in template.Variables)
        {
            var value = typed?.GetValueOrDefault(Key(variable));
            if (string.IsNullOrWhiteSpace(value))
            {
                value = variable.BoundField switch
                {
                    "contact.name" => conversation.ContactName,
                    "contact.phone" => conversation.ContactPhone,
                    "agent.name" => agentName,
                    _ => null,
                };
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                values[Key(variable)] = value.Trim();
            }
        }

        return values;
    }

    /// <summary>The text as the contact reads it (stored as the message's text, shown in the thread and the history).</summary>
    public static string Render(ApprovedTemplate template, IReadOnlyDictionary<string, string> values)
    {
        string Fill(string text, string component) =>
            Placeholder().Replace(text, m => values.GetValueOrDefault($"{component}:{m.Groups[1].Value}") ?? m.Value);
        var parts = new List<string>();
        if (template.HeaderText is { Length: > 0 } header)
        {
            parts.Add($"*{Fill(header, "header")}*");
        }

        parts.Add(Fill(template.Body, "body"));
        if (template.Footer is { Length: > 0 } footer)
        {
            parts.Add(footer);
        }

        return string.Join("\n\n", parts);
    }

    private static List<TemplateValue>? Parameters(ApprovedTemplate template, string component, IReadOnlyDictionary<string, string> values)
    {
        var list = template.Variables.Where(v => v.Component == component).OrderBy(v => v.Position)
            .Select(v => new TemplateValue(values[Key(v)])).ToList();
        return list.Count == 0 ? null : list;
    }

    [GeneratedRegex(@"\{\{\s*(\d+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/conversations/{id:guid}/templates", async Task<Results<Accepted<MessageDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(m => TypedResults.Accepted($"/api/v1/conversations/{id}/messages", m)))
            .WithName("SendTemplateMessage")
            .WithSummary("Send an approved template in a conversation (inside or outside the 24-hour window)")
            .WithDescription("202: stored and queued, its text rendered with the variables. 409 template_not_approved (unknown, pending, " +
                "rejected, paused or disabled, or another number's); 422 template_variables_missing (fields name each one, keyed 'body:1'); " +
                "409 cooldown_confirmation_required when a template was sent within the cooldown (default 6 h) without an answer — " +
                "repeat with confirmCooldown=true. Free text stays refused (window_closed) until the contact replies.")
            .WithTags("Messages")
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/conversations/{id:guid}/templates", async (Guid id, Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(id, ct)))
            .WithName("ListConversationTemplates")
            .WithSummary("The approved templates that can be sent in a conversation (its channel account's)")
            .WithTags("Messages")
            .RequireAuthorization(Policies.Agent);
    }
}
