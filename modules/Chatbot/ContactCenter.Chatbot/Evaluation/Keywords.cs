using System.Globalization;
using System.Text;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// The contact's expected reply: comma-separated words or phrases, found in a message without regard to case or accents
/// and only as whole words — "comercial" is in "Comércial!" but not in "comercialmente".
/// </summary>
internal static class Keywords
{
    public static IReadOnlyList<string> Split(string? keywords) =>
        string.IsNullOrWhiteSpace(keywords)
            ? []
            : [.. keywords.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0)];

    /// <summary>The first keyword found in <paramref name="text"/> as it was typed in the list, else null.</summary>
    public static string? FindIn(string? text, IReadOnlyList<string> keywords)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        foreach (var keyword in keywords)
        {
            var phrase = Words(keyword);
            if (phrase.Count > 0 && Contains(words, phrase))
            {
                return keyword;
            }
        }

        return null;
    }

    private static bool Contains(List<string> words, List<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
            {
                all = words[start + i] == phrase[i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case words without accents; anything that is not a letter or digit separates them.</summary>
    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
