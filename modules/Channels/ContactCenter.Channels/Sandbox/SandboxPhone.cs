using System.Globalization;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Sdk;
using ContactCenter.Channels.Seeding;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Values;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Sandbox;

/// <summary>
/// What the sandbox phone page does, as the customer's phone would: it asks the account's plugin for the webhook
/// its provider would post (<see cref="ISupportsTestPhone"/>: the wire format and its signature are the plugin's)
/// and hands it to <see cref="WebhookIntake"/>, so its messages and ticks take the provider's path (inbox,
/// processor, conversations) and nothing is special-cased for demos. The rules of what a phone may send are here.
/// </summary>
internal sealed class SandboxPhone(
    IChannelsApi channels,
    IConversationsApi conversations,
    ChannelAdapters adapters,
    WebhookIntake intake,
    SandboxLinks links,
    ContactCenterDbContext db,
    TimeProvider clock)
{
    /// <summary>The phone's own cap: its files ride inside the webhook's JSON (and the inbox row), so not WhatsApp's 100 MB.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;
    public const int MaxCaptionLength = 1024;
    public const int MaxTextLength = 4096;
    public const int MaxNameLength = 100;

    /// <summary>The account, when it exists and is a sandbox account (anything else is not_found: no phone for it).</summary>
    public async Task<Result<ChannelAccountSummary>> OpenAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        await channels.FindAccountAsync(channelAccountId, cancellationToken) is { PluginId: DemoChannelSeeder.PluginId } account
            ? account
            : Error.NotFound("The sandbox channel account");

    /// <summary>
    /// The public phone of a link (<c>/s/{token}</c>): the account and number the token grants, when the token is
    /// authentic, unexpired and its account is still a sandbox account. Everything the page then does uses these two
    /// values, taken from the token on the server; the visitor has no field to change them.
    /// </summary>
    public async Task<Result<LinkedPhone>> OpenLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var grant = links.Read(token);
        if (grant.Value is not { } granted)
        {
            return grant.Error!;
        }

        var account = await OpenAsync(granted.AccountId, cancellationToken);
        return account.Value is { } found
            ? new LinkedPhone(found, granted.Phone, granted.Name, granted.ExpiresAt, granted.Text)
            : new Error(SandboxLinks.InvalidCode, "The sandbox account of this link no longer exists.", 404);
    }

    /// <summary>
    /// The phone's messages the host accepted but has not put in a conversation yet (✓ "sent" on the phone), or could
    /// not (⚠): its inbox rows for this account, read back. Recent ones only: older failures are an admin's business.
    /// </summary>
    public async Task<IReadOnlyList<PendingMessage>> PendingAsync(Guid channelAccountId, string phone, CancellationToken cancellationToken)
    {
        if (await TestPhoneAsync(channelAccountId, cancellationToken) is not { } plugin)
        {
            return [];
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        // The newest: a phone's latest message must not be crowded out by other numbers' old failures.
        var rows = await db.Set<InboxEntry>().AsNoTracking()
            .Where(e => e.ChannelAccountId == channelAccountId && e.Status != InboxStatus.Processed && e.ReceivedAt >= since)
            .OrderByDescending(e => e.ReceivedAt)
            .Take(50)
            .Select(e => new { e.Body, e.Status, e.ReceivedAt, e.Error })
            .ToListAsync(cancellationToken);
        var pending = new List<PendingMessage>();
        foreach (var row in Enumerable.Reverse(rows))
        {
            var failure = row.Status == InboxStatus.Failed ? row.Error ?? string.Empty : null;
            pending.AddRange(plugin.ReadMessages(row.Body)
                .Where(m => m.From == phone)
                .Select(m => new PendingMessage(m.Id, m.Summary, row.ReceivedAt, failure)));
        }

        return pending;
    }

    public Task<Result<Guid>> SendTextAsync(Guid channelAccountId, Person person, string? text, CancellationToken cancellationToken)
    {
        var check = Check(person);
        check.Require("text", string.IsNullOrWhiteSpace(text) ? null : text, "Write a message.");
        check.Check(text is null || text.Length <= MaxTextLength, "text", $"A message may have at most {MaxTextLength} characters.");
        return check.IsValid
            ? PostAsync(channelAccountId, phone => phone.InboundMessages([Message(person, text!.Trim(), null)]), cancellationToken)
            : Task.FromResult<Result<Guid>>(check.ToError());
    }

    /// <summary>
    /// A picture, video, audio or document, as WhatsApp would carry it: the kind follows the file's type, and
    /// WhatsApp's limits (<see cref="MediaRules"/>) apply as for the agent's replies. The file travels inline in the
    /// webhook, so the phone takes files of up to <see cref="MaxFileBytes"/> (documents may have 100 MB on WhatsApp).
    /// </summary>
    public Task<Result<Guid>> SendFileAsync(Guid channelAccountId, Person person, Attachment file, CancellationToken cancellationToken)
    {
        var check = Check(person);
        check.Check(file.Bytes.Length > 0, "file", "The file is empty.");
        check.Check(file.Caption is null || file.Caption.Length <= MaxCaptionLength, "text", $"A caption may have at most {MaxCaptionLength} characters.");
        if (!check.IsValid)
        {
            return Task.FromResult<Result<Guid>>(check.ToError());
        }

        if (Refusal(file.ContentType, file.FileName, file.Bytes.Length) is { } refusal)
        {
            return Task.FromResult<Result<Guid>>(Refused(refusal));
        }

        var mimeType = MediaRules.NormalizeMimeType(file.ContentType, file.FileName)!;
        var sent = new TestPhoneFile(
            Enum.Parse<MediaKind>(MediaRules.KindOf(mimeType)!.Value.ToString()),
            mimeType,
            file.FileName,
            string.IsNullOrWhiteSpace(file.Caption) ? null : file.Caption.Trim(),
            file.Bytes);
        return PostAsync(channelAccountId, phone => phone.InboundMessages([Message(person, null, sent)]), cancellationToken);
    }

    /// <summary>The problem for a refused file, as the send API words it (413 media_too_large, 415 media_type_not_supported).</summary>
    public static Error Refused(MediaRefusal refusal) =>
        new(refusal.Code, MediaRules.Describe(refusal, CultureInfo.InvariantCulture), refusal.Code == MediaRules.TooLarge ? 413 : 415);

    /// <summary>Why this file cannot be sent from the phone (WhatsApp's rules, then the phone's own size cap), or null.</summary>
    public static MediaRefusal? Refusal(string? contentType, string? fileName, long size)
    {
        var mimeType = MediaRules.NormalizeMimeType(contentType, fileName);
        if (MediaRules.KindOf(mimeType) is not { } kind)
        {
            return new MediaRefusal(MediaRules.TypeNotSupported, OutboundMediaKind.Document, MediaRules.MaxBytes, mimeType);
        }

        return MediaRules.Check(kind, mimeType, size)
            ?? (size > MaxFileBytes ? new MediaRefusal(MediaRules.TooLarge, kind, MaxFileBytes, mimeType) : null);
    }

    public Task<ContactThread> ThreadAsync(Guid channelAccountId, string phone, CancellationToken cancellationToken) =>
        conversations.ListThreadAsync(channelAccountId, phone, cancellationToken);

    /// <summary>
    /// The phone showed these replies and the person saw them: <c>delivered</c> then <c>read</c>, as a phone
    /// reports them, for the agent's ticks. Replies not yet accepted by the sandbox (no provider id) wait.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> AcknowledgeAsync(
        Guid channelAccountId, IEnumerable<MessageDto> shown, CancellationToken cancellationToken)
    {
        var ids = shown
            .Where(m => m.Direction == MessageDirectionDto.Outbound && m.ProviderMessageId is { Length: > 0 } && m.Status is not ("read" or "failed"))
            .Select(m => m.ProviderMessageId!)
            .ToList();
        if (ids.Count == 0)
        {
            return ids;
        }

        var at = clock.GetUtcNow();
        var statuses = ids.SelectMany(id => new[] { new TestPhoneStatus(id, DeliveryStatus.Delivered, at), new TestPhoneStatus(id, DeliveryStatus.Read, at) }).ToList();
        var posted = await PostAsync(channelAccountId, phone => phone.StatusUpdates(statuses), cancellationToken);
        return posted.IsSuccess ? ids : posted.Error;
    }

    private static Validator Check(Person person)
    {
        var check = new Validator();
        check.Check(PhoneNumber.TryParseInternational(person.Phone.Trim(), out var phone) && phone.Digits == person.Phone.Trim(), "phone",
            "Use the number in international form, digits only, e.g. 5511999990001.");
        check.Check(person.Name is null || person.Name.Length <= MaxNameLength, "name", $"A name may have at most {MaxNameLength} characters.");
        return check;
    }

    private TestPhoneMessage Message(Person person, string? text, TestPhoneFile? file) => new(
        "sbx-" + Guid.CreateVersion7().ToString("N"),
        person.Phone.Trim(),
        string.IsNullOrWhiteSpace(person.Name) ? null : person.Name.Trim(),
        clock.GetUtcNow(),
        text,
        file);

    private async Task<Result<Guid>> PostAsync(
        Guid channelAccountId, Func<ISupportsTestPhone, WebhookRequest> webhook, CancellationToken cancellationToken) =>
        await TestPhoneAsync(channelAccountId, cancellationToken) is { } phone
            ? await intake.ReceiveAsync(channelAccountId, webhook(phone), null, cancellationToken)
            : Error.NotFound("The sandbox channel account");

    /// <summary>The account's adapter as a test phone, when the account is a sandbox account whose plugin offers one.</summary>
    private async Task<ISupportsTestPhone?> TestPhoneAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        (await OpenAsync(channelAccountId, cancellationToken)).IsSuccess
            ? await adapters.FindAsync(channelAccountId, cancellationToken) as ISupportsTestPhone
            : null;

    /// <summary>The phone a link opens: this account, this number (and the name typed on the form), until it expires.</summary>
    internal sealed record LinkedPhone(ChannelAccountSummary Account, string Phone, string? Name, DateTime ExpiresAt, string? Text);

    /// <summary>A message of the phone's still in the host's inbox: accepted (✓), or failed there (⚠, with the processor's reason).</summary>
    internal sealed record PendingMessage(string ProviderMessageId, string? Text, DateTime ReceivedAt, string? Failure)
    {
        public bool Failed => Failure is not null;
    }

    /// <summary>Who the person at the phone plays: a number (E.164 digits) and the profile name WhatsApp would show.</summary>
    internal sealed record Person(string Phone, string? Name);

    /// <summary>A file the person sends, with the text typed beside it as its caption.</summary>
    internal sealed record Attachment(string? ContentType, string? FileName, byte[] Bytes, string? Caption);
}
