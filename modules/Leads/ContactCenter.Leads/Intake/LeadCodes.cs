using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ContactCenter.Leads.Intake;

/// <summary>
/// Short lead codes people can read aloud and type: six characters without look-alikes (no 0/O, 1/I/L, 5/S, 8/B),
/// about 500 million of them. Found in a message whether written "#AB12CD", "ab12cd" or inside a sentence.
/// </summary>
internal static partial class LeadCodes
{
    public const int Length = 6;
    private const string Alphabet = "ACDEFGHJKMNPQRTUVWXYZ2345679";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The words of <paramref name="text"/> that could be a code, upper-cased.</summary>
    public static IReadOnlyList<string> Candidates(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. Word().Matches(text)
                .Select(m => m.Groups[1].Value.ToUpperInvariant())
                .Where(w => w.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
                .Distinct()
                .Take(20)];

    [GeneratedRegex(@"(?<![\p{L}\p{N}])#?([\p{L}\p{N}]{6})(?![\p{L}\p{N}])")]
    private static partial Regex Word();
}
