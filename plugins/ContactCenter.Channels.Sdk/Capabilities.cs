namespace ContactCenter.Channels.Sdk;

/// <summary>
/// An adapter whose channel has pre-approved message templates implements this too (and sets
/// <see cref="ChannelCapabilities.Templates"/> in its manifest).
/// </summary>
public interface ISupportsTemplates
{
    /// <summary>Submits a template for the provider's review.</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the provider took it, and its first status.</returns>
    Task<TemplateSubmitResult> SubmitTemplateAsync(TemplateDefinition template, CancellationToken cancellationToken);

    /// <summary>Reads every template the provider holds for the account, with its current status.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The templates.</returns>
    Task<IReadOnlyList<TemplateState>> SyncTemplatesAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An adapter whose channel carries media implements this too (and sets <see cref="ChannelCapabilities.Media"/>).
/// </summary>
public interface ISupportsMedia
{
    /// <summary>Downloads a received media file (the host stores it at once: provider links expire).</summary>
    /// <param name="media">The reference from <see cref="MediaContent.Media"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file; the caller disposes it.</returns>
    Task<MediaDownload> DownloadMediaAsync(MediaReference media, CancellationToken cancellationToken);
}

/// <summary>A downloaded media file.</summary>
/// <param name="Content">The file's bytes; the caller disposes the stream.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Its size in bytes, when known.</param>
public sealed record MediaDownload(Stream Content, string ContentType, long? Length = null) : IAsyncDisposable
{
    /// <summary>Disposes <see cref="Content"/>.</summary>
    /// <returns>The disposal.</returns>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>A template to submit for review.</summary>
/// <param name="Name">Lower-case letters, digits and underscores.</param>
/// <param name="Language">Language code (e.g. <c>pt_BR</c>).</param>
/// <param name="Category">What the template is for (drives approval and pricing).</param>
/// <param name="Body">The body, with placeholders <c>{{1}}</c> or <c>{{name}}</c>.</param>
/// <param name="BodyExamples">An example value per body placeholder, in order.</param>
public sealed record TemplateDefinition(
    string Name,
    string Language,
    TemplateCategory Category,
    string Body,
    IReadOnlyList<string> BodyExamples)
{
    /// <summary>A text header, when any.</summary>
    public string? Header { get; init; }

    /// <summary>An example value per header placeholder, in order (providers refuse a header placeholder without one).</summary>
    public IReadOnlyList<string> HeaderExamples { get; init; } = [];

    /// <summary>A footer, when any.</summary>
    public string? Footer { get; init; }

    /// <summary>Buttons, in order.</summary>
    public IReadOnlyList<TemplateButton> Buttons { get; init; } = [];
}

/// <summary>Template categories.</summary>
public enum TemplateCategory
{
    /// <summary>Promotions and offers.</summary>
    Marketing,

    /// <summary>Updates about something the contact asked for (an order, a visit).</summary>
    Utility,

    /// <summary>One-time passwords.</summary>
    Authentication,
}

/// <summary>A template button.</summary>
/// <param name="Kind">What the button does.</param>
/// <param name="Text">Its label.</param>
/// <param name="Value">The URL or phone number, for those kinds.</param>
public sealed record TemplateButton(TemplateButtonType Kind, string Text, string? Value = null)
{
    /// <summary>An example for the URL's placeholder (<c>https://example.com/{{1}}</c>), which providers require for review.</summary>
    public string? Example { get; init; }
}

/// <summary>Kinds of template buttons.</summary>
public enum TemplateButtonType
{
    /// <summary>Sends a reply with the button's payload.</summary>
    QuickReply,

    /// <summary>Opens a link.</summary>
    Url,

    /// <summary>Calls a number.</summary>
    PhoneNumber,
}

/// <summary>The outcome of submitting a template.</summary>
/// <param name="Accepted">The provider took it for review.</param>
/// <param name="ProviderTemplateId">The provider's id of the template, when accepted.</param>
/// <param name="Status">Its status right after submission.</param>
/// <param name="ErrorText">Why it was refused, when not accepted.</param>
public sealed record TemplateSubmitResult(bool Accepted, string? ProviderTemplateId, TemplateStatus Status, string? ErrorText = null);

/// <summary>A template as the provider holds it.</summary>
/// <param name="ProviderTemplateId">The provider's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Language">Its language code.</param>
/// <param name="Status">Its review status.</param>
/// <param name="Reason">Why, for rejected or paused templates.</param>
public sealed record TemplateState(string ProviderTemplateId, string Name, string Language, TemplateStatus Status, string? Reason = null);

/// <summary>Review statuses of a template.</summary>
public enum TemplateStatus
{
    /// <summary>Under review.</summary>
    Pending,

    /// <summary>May be sent.</summary>
    Approved,

    /// <summary>Refused by the provider.</summary>
    Rejected,

    /// <summary>Temporarily not sendable (e.g. low quality).</summary>
    Paused,

    /// <summary>No longer sendable.</summary>
    Disabled,

    /// <summary>Deleted.</summary>
    Deleted,

    /// <summary>A status this plugin version does not map.</summary>
    Other,
}
