using PhoneNumbers;

namespace ContactCenter.Kernel.Values;

/// <summary>
/// A phone number in E.164 digits without the plus (<c>5511999999999</c>), the form WhatsApp uses for <c>wa_id</c> and
/// <c>to</c>, read and checked with Google's libphonenumber metadata (not a regex of ours): area codes, lengths and the
/// Brazilian mobile ninth digit are the library's. Use <see cref="PhoneNumberReader"/> to read numbers in the configured region.
/// </summary>
public readonly record struct PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string digits) => Digits = digits;

    /// <summary>The E.164 digits without '+'.</summary>
    public string Digits { get; }

    /// <summary>How people read it: "+55 11 99999-9999".</summary>
    public string International => Util.Format(Util.Parse("+" + Digits, null), PhoneNumberFormat.INTERNATIONAL);

    /// <summary>
    /// Reads a number as a person types it ("+55 (11) 99999-9999", "11 99999-9999", "5511999999999", "0055 11 …").
    /// Without a '+' (or "00") the digits are read as a national number of <paramref name="defaultRegion"/> first (a
    /// Brazilian desk types "11 99999-9999"; read as international, "31 9…" would be a Dutch number), then as
    /// international with the country code ("5511999999999"). False when no reading is a valid number.
    /// </summary>
    public static bool TryParse(string? text, string defaultRegion, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var trimmed = text.Trim();
        // The library would read letters as a vanity number ("0800 FLORES"): nobody types one into these forms.
        if (trimmed.Any(char.IsLetter))
        {
            return false;
        }

        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        string?[] regions = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal) ? [null] : [defaultRegion, null];
        foreach (var region in regions)
        {
            var candidate = region is null ? "+" + (trimmed.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits) : trimmed;
            try
            {
                var parsed = Util.Parse(candidate, region);
                if (Util.IsValidNumber(parsed))
                {
                    phone = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164)[1..]);
                    return true;
                }
            }
            catch (NumberParseException)
            {
                // Not a number in this reading: try the next one.
            }
        }

        return false;
    }

    /// <summary>International digits as a channel or the sandbox phone gives them ("5511999999999"); false unless valid.</summary>
    public static bool TryParseInternational(string? digits, out PhoneNumber phone)
    {
        phone = default;
        return digits is { Length: > 0 } && digits.All(char.IsAsciiDigit) && TryParse("+" + digits, "ZZ", out phone);
    }

    /// <summary>Whether the library knows this region code ("BR", "PT", "US").</summary>
    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region);

    public override string ToString() => Digits;
}
