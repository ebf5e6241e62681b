namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>WhatsApp user ids (reference §4.3): phone-based <c>wa_id</c>/<c>from</c>, and business-scoped user ids.</summary>
internal static class Identity
{
    /// <summary>E.164 digits without the plus, or null when the value is not a phone number (a BSUID, a placeholder).</summary>
    public static string? PhoneDigits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Send responses echo "+16505551234"; one published sample even has a trailing space in wa_id.
        var digits = value.Trim().TrimStart('+');
        return digits.Length is >= 6 and <= 15 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>
    /// Phone first, then the BSUID; when Meta (or a sample) gives neither in a usable form, the raw id it did
    /// give stands in as the provider user id, so the contact stays attributable instead of the message being lost.
    /// </summary>
    public static (string? Phone, string? UserId) Resolve(string? phoneCandidate, string? otherPhoneCandidate, string? userId)
    {
        var phone = PhoneDigits(phoneCandidate) ?? PhoneDigits(otherPhoneCandidate);
        var id = userId ?? (phone is null ? Clean(phoneCandidate) ?? Clean(otherPhoneCandidate) : null);
        return (phone, id);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
