using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Channels.Sdk;

/// <summary>Helpers for the signature schemes providers use on webhooks.</summary>
public static class WebhookSignatures
{
    /// <summary>The lower-case hex HMAC-SHA256 of a body, keyed with a secret (UTF-8).</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public static string HmacSha256Hex(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// Whether <paramref name="signatureHex"/> is the HMAC-SHA256 of <paramref name="body"/> keyed with
    /// <paramref name="secret"/>, compared in constant time (hex case does not matter).
    /// </summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signatureHex">The hex signature the request carried, without any <c>sha256=</c> prefix.</param>
    /// <returns>True when it matches; false for a wrong, malformed or missing signature.</returns>
    public static bool HmacSha256Matches(string secret, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signatureHex) || signatureHex.Length != 64)
        {
            return false;
        }

        byte[] provided;
        try
        {
            provided = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }
}
