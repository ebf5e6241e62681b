using System.Net.Mail;

namespace ContactCenter.Kernel.Values;

/// <summary>An e-mail address, trimmed and lower-cased: new vs returning contacts are decided by it.</summary>
public readonly record struct EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out EmailAddress email)
    {
        email = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        email = new EmailAddress(trimmed.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;
}
