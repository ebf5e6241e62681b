using System.Text.Encodings.Web;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContactCenter.Host.Access;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored (hashed) API keys.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IIdentityApi identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header["Bearer ".Length..].Trim();
        var apiKey = key.Length == 0 ? null : await identity.AuthenticateApiKeyAsync(key, Context.RequestAborted);
        if (apiKey is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var principal = Principals.ForApiKey(apiKey.Id, apiKey.Name, apiKey.Role, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
