namespace ContactCenter.Kernel.Values;

/// <summary>The Brazilian individual tax id: 11 digits whose last two are check digits (mod 11).</summary>
public readonly record struct Cpf
{
    private Cpf(string digits) => Digits = digits;

    public string Digits { get; }

    public static bool TryParse(string? text, out Cpf cpf)
    {
        cpf = default;
        var digits = new string((text ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        // Eleven equal digits pass the checksum but are never issued.
        if (digits.Length != 11 || digits.All(d => d == digits[0]))
        {
            return false;
        }

        if (CheckDigit(digits, 9) != digits[9] - '0' || CheckDigit(digits, 10) != digits[10] - '0')
        {
            return false;
        }

        cpf = new Cpf(digits);
        return true;
    }

    private static int CheckDigit(string digits, int length)
    {
        var sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += (digits[i] - '0') * (length + 1 - i);
        }

        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    public override string ToString() => Digits;
}
