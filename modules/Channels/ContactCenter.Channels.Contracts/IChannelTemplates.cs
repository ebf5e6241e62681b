namespace ContactCenter.Channels.Contracts;

/// <summary>Submits templates for review and reads their statuses through the account's plugin (plain records: no SDK types).</summary>
public interface IChannelTemplates
{
    /// <summary>Whether the account's plugin manages templates (it implements the SDK's ISupportsTemplates).</summary>
    Task<bool> SupportsTemplatesAsync(Guid channelAccountId, CancellationToken cancellationToken);

    /// <summary>The provider's answer; throws when the account is gone or its plugin manages no templates.</summary>
    Task<ChannelTemplateSubmitted> SubmitAsync(Guid channelAccountId, ChannelTemplate template, CancellationToken cancellationToken);

    /// <summary>Every template the provider holds for the account, with its status.</summary>
    Task<IReadOnlyList<ChannelTemplateReview>> SyncAsync(Guid channelAccountId, CancellationToken cancellationToken);
}

/// <param name="Category">marketing, utility or authentication.</param>
public sealed record ChannelTemplate(
    string Name,
    string Language,
    string Category,
    string? HeaderText,
    IReadOnlyList<string> HeaderExamples,
    string Body,
    IReadOnlyList<string> BodyExamples,
    string? Footer,
    IReadOnlyList<string> QuickReplies);

/// <param name="Status">The SDK status name (Pending, Approved, Rejected, …), as <see cref="TemplateStatusReceived"/> carries it.</param>
public sealed record ChannelTemplateSubmitted(bool Accepted, string? ProviderTemplateId, string Status, string? ErrorText);

public sealed record ChannelTemplateReview(string ProviderTemplateId, string Name, string Language, string Status, string? Reason);
