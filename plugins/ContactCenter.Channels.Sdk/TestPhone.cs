namespace ContactCenter.Channels.Sdk;

/// <summary>
/// An adapter whose channel can be played from the host's test phone implements this too: the host's sandbox
/// phone page asks the adapter for the webhook its provider would post, then takes that webhook through the real
/// inbound path (signature, inbox, processor). The wire format stays the plugin's own; the host never builds or
/// reads it. Optional: an adapter without it simply has no test phone.
/// </summary>
public interface ISupportsTestPhone
{
    /// <summary>The webhook the provider would post when the contact's phone sends these messages.</summary>
    /// <param name="messages">The messages, in the order they were sent.</param>
    /// <returns>The request, signed as the adapter's <see cref="IChannelAdapter.VerifySignature"/> expects.</returns>
    WebhookRequest InboundMessages(IReadOnlyList<TestPhoneMessage> messages);

    /// <summary>The webhook the provider would post when the contact's phone reports what it did with replies.</summary>
    /// <param name="statuses">The statuses, in the order they happened.</param>
    /// <returns>The request, signed as the adapter's <see cref="IChannelAdapter.VerifySignature"/> expects.</returns>
    WebhookRequest StatusUpdates(IReadOnlyList<TestPhoneStatus> statuses);

    /// <summary>
    /// The messages a webhook body built by <see cref="InboundMessages"/> carries (so the host can show the phone
    /// what it sent that is not in a conversation yet). A body in any other shape carries none: never throws.
    /// </summary>
    /// <param name="body">A webhook body as the host stored it.</param>
    /// <returns>The messages, without file contents.</returns>
    IReadOnlyList<TestPhoneMessage> ReadMessages(ReadOnlyMemory<byte> body);
}

/// <summary>A message sent from the test phone.</summary>
/// <param name="Id">The provider's id for the message.</param>
/// <param name="From">The phone's number, E.164 digits.</param>
/// <param name="Name">The profile name the provider would show, if any.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Text">Its text, for a text message.</param>
/// <param name="File">Its file, for a picture, video, audio or document.</param>
public sealed record TestPhoneMessage(string Id, string From, string? Name, DateTimeOffset SentAt, string? Text, TestPhoneFile? File = null)
{
    /// <summary>What the message shows in a list: its text, else the file's caption, else the file's name.</summary>
    public string? Summary => Text ?? File?.Caption ?? File?.FileName;
}

/// <summary>A file sent from the test phone.</summary>
/// <param name="Kind">What kind of media it is.</param>
/// <param name="MimeType">Its media type.</param>
/// <param name="FileName">Its name, if any.</param>
/// <param name="Caption">The text sent beside it, if any.</param>
/// <param name="Content">Its bytes (empty when read back by <see cref="ISupportsTestPhone.ReadMessages"/>).</param>
public sealed record TestPhoneFile(MediaKind Kind, string MimeType, string? FileName, string? Caption, ReadOnlyMemory<byte> Content);

/// <summary>What the test phone did with a reply.</summary>
/// <param name="ProviderMessageId">The provider's id of the reply.</param>
/// <param name="Status">Delivered when the phone showed it, Read when the person opened it.</param>
/// <param name="At">When.</param>
public sealed record TestPhoneStatus(string ProviderMessageId, DeliveryStatus Status, DateTimeOffset At);
