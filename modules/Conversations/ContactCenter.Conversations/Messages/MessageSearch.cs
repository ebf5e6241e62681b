using System.Globalization;
using System.Text;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Finding words in a conversation's messages as a person types them: without regard to case or accents ("visita"
/// finds "Visitá"), the same in the API and in the thread's search box. Matching happens in memory: one
/// conversation's texts are few, and SQLite's and PostgreSQL's accent rules differ.
/// </summary>
internal static class MessageSearch
{
    public const int MaxQuery = 200;

    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark))
        {
            folded.Append(char.ToLowerInvariant(ch));
        }

        return folded.ToString();
    }

    /// <param name="foldedQuery">The query already passed through <see cref="Fold"/>.</param>
    public static bool Matches(string? text, string foldedQuery) =>
        foldedQuery.Length > 0 && text is { Length: > 0 } && Fold(text).Contains(foldedQuery, StringComparison.Ordinal);
}
