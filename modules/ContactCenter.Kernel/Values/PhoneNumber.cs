namespace ContactCenter.Kernel.Values;

/// <summary>
/// A phone number in E.164 digits without the plus (<c>5511999999999</c>), the form WhatsApp uses for
/// <c>wa_id</c> and <c>to</c>. Punctuation people type (+, spaces, dashes, parentheses) is dropped.
/// </summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string digits) => Digits = digits;

    public string Digits { get; }

    public static bool TryParse(string? text, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var onlyFormatting = text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');
        if (!onlyFormatting || digits.Length is < 8 or > 15 || digits[0] == '0')
        {
            return false;
        }

        phone = new PhoneNumber(digits);
        return true;
    }

    public override string ToString() => Digits;
}
