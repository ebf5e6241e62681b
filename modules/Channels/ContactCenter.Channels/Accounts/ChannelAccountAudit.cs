using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Audit;

namespace ContactCenter.Channels.Accounts;

/// <summary>
/// What the audit log keeps of a channel account: name, plugin and plain settings as they are; each secret (app secret,
/// access token, verify token…) only as set, changed or cleared.
/// </summary>
internal static class ChannelAccountAudit
{
    public static AuditTarget Target(ChannelAccount account) => AuditTarget.Of("channelAccount", account.Id, account.Name);

    public static IReadOnlyDictionary<string, object?> Snapshot(
        ChannelAccount account, IReadOnlyDictionary<string, string> plain, IReadOnlyDictionary<string, string> secrets)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = account.Name,
            ["pluginId"] = account.PluginId,
        };
        foreach (var (key, value) in plain)
        {
            fields[SettingsRules.Field(key)] = value;
        }

        foreach (var (key, value) in secrets)
        {
            fields[SettingsRules.Field(key)] = AuditSecret.Of(value);
        }

        return fields;
    }
}
