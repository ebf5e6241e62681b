using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Graph;

/// <summary>The admin's "test connection": <c>GET /{phone-number-id}</c> with the token proves both are right.</summary>
internal sealed class ConnectionCheck(GraphClient graph)
{
    public async Task<ChannelCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = graph.Settings;
        if (settings.PhoneNumberId is null || settings.AccessToken is null)
        {
            return ChannelCheckResult.Failed("Enter the phone number ID and the access token.");
        }

        var response = await graph.GetAsync(new Uri(settings.Api(settings.PhoneNumberId) + "?fields=display_phone_number,verified_name"), cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccess)
        {
            var json = response.Json();
            var number = json?["display_phone_number"]?.ToString();
            var name = json?["verified_name"]?.ToString();
            return ChannelCheckResult.Passed(number is null
                ? $"The Graph API accepted the token for phone number ID {settings.PhoneNumberId}."
                : $"Connected to {number}{(name is null ? string.Empty : $" ({name})")}.");
        }

        if (response.TransportError is { } transport)
        {
            return ChannelCheckResult.Failed($"{transport} Check the API base URL and the server's network access.");
        }

        var error = GraphError.From(response);
        if (response.StatusCode == 401 || error?.Code is 190 or 0)
        {
            return ChannelCheckResult.Failed($"Access token rejected by Meta ({GraphError.Describe(response)}). Create a new system-user token.");
        }

        if (error?.Code is 100 || response.StatusCode == 404)
        {
            return ChannelCheckResult.Failed($"The phone number ID {settings.PhoneNumberId} was not found for this token ({GraphError.Describe(response)}).");
        }

        return ChannelCheckResult.Failed($"The Graph API refused the check: {GraphError.Describe(response)}");
    }
}
