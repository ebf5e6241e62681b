using Microsoft.Extensions.Configuration;

namespace ContactCenter.Kernel.Values;

/// <summary>
/// Reads phone numbers where they enter the product — forms, the API, outreach, searches and channel webhooks — in the
/// region numbers without a country code belong to (<c>ContactCenter:Phone:DefaultRegion</c>, default <c>BR</c>).
/// </summary>
public sealed class PhoneNumberReader
{
    /// <summary>The configuration key of the default region.</summary>
    public const string DefaultRegionKey = "ContactCenter:Phone:DefaultRegion";

    /// <param name="defaultRegion">An ISO 3166 region code the library knows ("BR", "PT").</param>
    public PhoneNumberReader(string defaultRegion)
    {
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!PhoneNumber.IsKnownRegion(region))
        {
            // A typo here would silently refuse every national number typed on the forms: stop at start-up instead.
            throw new InvalidOperationException(
                $"{DefaultRegionKey} = '{defaultRegion}' is not a region libphonenumber knows; use an ISO 3166 code such as BR or PT.");
        }

        DefaultRegion = region;
    }

    /// <summary>Numbers typed without a country code are read as numbers of this region.</summary>
    public string DefaultRegion { get; }

    /// <summary>The service as configured.</summary>
    public static PhoneNumberReader From(IConfiguration configuration) => new(configuration[DefaultRegionKey] ?? "BR");

    /// <summary>A number typed by a person, in any national or international format; false when it is not a valid number.</summary>
    public bool TryParse(string? text, out PhoneNumber phone) => PhoneNumber.TryParse(text, DefaultRegion, out phone);

    /// <summary>
    /// The number a channel names a person by (WhatsApp's <c>wa_id</c>: international digits), as E.164 digits. A number
    /// the library does not hold valid is kept as the channel sent it, digits only: it is the address the channel
    /// answers to (WhatsApp still names some Brazilian mobiles without their ninth digit), and the message must not be lost.
    /// Null when there are no digits.
    /// </summary>
    public static string? FromChannel(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var digits = new string([.. id.Where(char.IsAsciiDigit)]);
        if (digits.Length is 0 or > 20)
        {
            return null;
        }

        return PhoneNumber.TryParseInternational(digits, out var phone) ? phone.Digits : digits;
    }

    /// <summary>
    /// The digits a search for a number matches stored numbers by: a whole number in any format ("(11) 99999-9999",
    /// "+55 11 …") becomes its E.164 digits; a part of one ("9999-9999") stays as typed, without a trunk zero. Empty when
    /// the text is not a number (a name).
    /// </summary>
    public string SearchDigits(string? text)
    {
        var term = text?.Trim() ?? string.Empty;
        if (term.Length == 0 || !term.All(ch => char.IsAsciiDigit(ch) || ch is '+' or '(' or ')' or '-' or '.' or ' '))
        {
            return string.Empty;
        }

        return TryParse(term, out var phone) ? phone.Digits : new string([.. term.Where(char.IsAsciiDigit)]).TrimStart('0');
    }
}
