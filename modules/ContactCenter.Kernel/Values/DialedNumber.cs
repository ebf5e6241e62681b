using PhoneNumbers;

namespace ContactCenter.Kernel.Values;

/// <summary>
/// A destination number as an agent or an integration types it ("+55 (11) 99999-9999", "11 99999-9999",
/// "5511999999999"), checked against Google's libphonenumber metadata and normalised to E.164. Without a '+' the
/// digits are read as a national number of <c>defaultRegion</c> first (a Brazilian desk types "11 99999-9999"; read as
/// international, "31 9…" would be a Dutch number) and then as international with the country code ("5511999999999").
/// </summary>
public static class DialedNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 digits without '+', or null when the text is not a valid number.</summary>
    public static string? Normalize(string? text, string defaultRegion = "BR")
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Any(ch => char.IsLetter(ch)))
        {
            return null;
        }

        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        var candidates = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal)
            ? [(trimmed.StartsWith('+') ? trimmed : "+" + digits[2..], (string?)null)]
            : new[] { (trimmed, defaultRegion), ("+" + digits, (string?)null) };
        foreach (var (number, region) in candidates)
        {
            try
            {
                var parsed = Util.Parse(number, region);
                if (Util.IsValidNumber(parsed))
                {
                    return Util.Format(parsed, PhoneNumberFormat.E164)[1..];
                }
            }
            catch (NumberParseException)
            {
                // Not a number in this reading: try the next one.
            }
        }

        return null;
    }

    /// <summary>How people read it: "+55 11 99999-9999".</summary>
    public static string FormatInternational(string e164Digits)
    {
        try
        {
            return Util.Format(Util.Parse("+" + e164Digits, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return "+" + e164Digits;
        }
    }
}
