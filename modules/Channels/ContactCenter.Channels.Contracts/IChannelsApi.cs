namespace ContactCenter.Channels.Contracts;

/// <summary>What other modules may ask the Channels module about channel accounts.</summary>
public interface IChannelsApi
{
    Task<IReadOnlyList<ChannelAccountSummary>> ListAccountsAsync(CancellationToken cancellationToken);

    Task<ChannelAccountSummary?> FindAccountAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The account with its settings as its plugin receives them: secrets decrypted, manifest defaults
    /// filled in. For the webhook and sender paths only; never show or log these values.
    /// </summary>
    Task<ChannelAccountSettings?> GetSettingsAsync(Guid id, CancellationToken cancellationToken);
}

public sealed record ChannelAccountSummary(Guid Id, string PluginId, string Name, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ChannelAccountSettings(ChannelAccountSummary Account, IReadOnlyDictionary<string, string> Settings);
