using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Identity.Auth;

/// <summary>
/// Remembers, in a long-lived signed cookie, the last user who logged in successfully in this browser. Their next
/// login from it is not held by failures typed elsewhere, even from the same address (one office behind one NAT):
/// the cookie cannot be made without logging in as them.
/// </summary>
internal sealed class KnownBrowsers(IDataProtectionProvider protection)
{
    public const string CookieName = "cc.browser";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _protector = protection.CreateProtector("ContactCenter.Identity.KnownBrowser.v1");

    public bool IsKnownFor(HttpContext? http, string userName)
    {
        if (http?.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(value), userName, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false; // tampered with, or from before a key rotation
        }
    }

    public void Remember(HttpContext? http, string userName) => http?.Response.Cookies.Append(CookieName, _protector.Protect(userName), new CookieOptions
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = Lifetime,
        Path = "/",
    });
}
