using System.Text.Json;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;

namespace ContactCenter.Channels.Accounts;

/// <summary>
/// A channel account as the API and UI show it. Secrets are never returned: a secret that is set appears
/// as <c>"********"</c> in <see cref="Settings"/>, one that is not set is absent.
/// </summary>
internal sealed record ChannelAccountView(
    Guid Id,
    string PluginId,
    string? PluginName,
    bool PluginLoaded,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ChannelAccountView From(ChannelAccount account, IChannelPluginCatalog catalog, ChannelSecrets secrets)
    {
        var plugin = catalog.Find(account.PluginId);
        var plain = ReadPlain(account);
        var secretKeys = secrets.Unprotect(account.Id, account.ProtectedSecrets).Keys;
        return new ChannelAccountView(
            account.Id,
            account.PluginId,
            plugin?.Name,
            plugin?.IsLoaded == true,
            account.Name,
            SettingsRules.ForDisplay(plain, secretKeys),
            account.CreatedAt,
            account.UpdatedAt);
    }

    public static Dictionary<string, string> ReadPlain(ChannelAccount account) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(account.SettingsJson) ?? [];

    public ChannelAccountSummary ToSummary() => new(Id, PluginId, Name, CreatedAt, UpdatedAt);
}
