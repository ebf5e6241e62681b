using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Errors;
using Microsoft.AspNetCore.DataProtection;

namespace ContactCenter.Channels.Sandbox;

/// <summary>
/// Signs and reads the public sandbox phone's links with ASP.NET Data Protection (keys in the database, so any node
/// reads a link another node made). The token names the channel account, the phone and the name typed on the form, and
/// when it stops working; the expiry is checked against the injected clock, not the machine's (tests move time).
/// A link is not a login: whoever holds it can write as that number on that Sandbox account, nothing else.
/// </summary>
internal sealed class SandboxLinks(IDataProtectionProvider provider, TimeProvider clock) : ISandboxPhoneLinks
{
    public const string Purpose = "ContactCenter.Channels.SandboxPhoneLink.v1";
    public const string PathPrefix = "/s/";
    public const string InvalidCode = "sandbox_link_invalid";
    public const string ExpiredCode = "sandbox_link_expired";

    /// <summary>Long enough for a demo or a training week; a visitor who comes back later fills the form again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string PathFor(Guid channelAccountId, string phone, string? name, string? text) => PathPrefix + Token(channelAccountId, phone, name, text);

    public string Token(Guid channelAccountId, string phone, string? name, string? text = null)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var payload = new Payload(channelAccountId, phone, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), expires, string.IsNullOrWhiteSpace(text) ? null : text);
        return _protector.Protect(JsonSerializer.Serialize(payload));
    }

    /// <summary>
    /// What the token grants, or <c>sandbox_link_invalid</c> (altered, made elsewhere, not a token) and
    /// <c>sandbox_link_expired</c> (status 404: nothing is there for this token); the page words either for the visitor.
    /// </summary>
    public Result<Grant> Read(string? token)
    {
        Payload? payload;
        try
        {
            payload = string.IsNullOrWhiteSpace(token) ? null : JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            payload = null;
        }

        if (payload is not { Phone.Length: > 0 } || payload.Phone.Any(c => !char.IsAsciiDigit(c)))
        {
            return new Error(InvalidCode, "This sandbox phone link is not valid.", 404);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt);
        return expiresAt <= clock.GetUtcNow()
            ? new Error(ExpiredCode, $"This sandbox phone link expired at {expiresAt:u}.", 404)
            : new Grant(payload.AccountId, payload.Phone, payload.Name, expiresAt.UtcDateTime, payload.Text);
    }

    /// <summary>What a valid link lets its holder do: be <see cref="Phone"/> on <see cref="AccountId"/>'s sandbox phone.</summary>
    internal sealed record Grant(Guid AccountId, string Phone, string? Name, DateTime ExpiresAt, string? Text = null);

    private sealed record Payload(Guid AccountId, string Phone, string? Name, long ExpiresAt, string? Text);
}
