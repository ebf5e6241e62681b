using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud;

/// <summary>The channel account's settings, read once per adapter (keys as declared in plugin.json).</summary>
internal sealed record AccountSettings(
    string? PhoneNumberId,
    string? WabaId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    Uri ApiBaseUrl)
{
    /// <summary>
    /// Pinned so a Graph API upgrade is a deliberate change (reference §7 examples use v19–v26; v24 is the
    /// first without per-message conversation objects in statuses, §5). Keep in sync with plugin.json.
    /// </summary>
    public const string DefaultApiBaseUrl = "https://graph.facebook.com/v24.0";

    public static AccountSettings From(ChannelAccountContext context)
    {
        var baseUrl = context.Setting("apiBaseUrl") ?? DefaultApiBaseUrl;
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var apiBaseUrl))
        {
            apiBaseUrl = new Uri(DefaultApiBaseUrl + "/");
        }

        return new AccountSettings(
            context.Setting("phoneNumberId"),
            context.Setting("wabaId"),
            context.Setting("accessToken"),
            context.Setting("appSecret"),
            context.Setting("verifyToken"),
            apiBaseUrl);
    }

    /// <summary>A Graph API URL below the base; each segment is escaped (ids come from settings and payloads).</summary>
    public Uri Api(params string[] segments) =>
        new(ApiBaseUrl, string.Join('/', segments.Select(Uri.EscapeDataString)));
}
