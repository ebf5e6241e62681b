using System.Globalization;
using System.Text;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Queues.Products;

/// <summary>The field rules shared by creating and editing a product, and how slugs are made.</summary>
internal static class ProductRules
{
    public const int MaxSlugLength = 100;

    public static void CheckName(Validator validator, string? name)
    {
        validator.Require("name", name, "A product name is required.");
        validator.Check((name?.Trim().Length ?? 0) <= 200, "name", "Use at most 200 characters.");
    }

    public static void CheckDescription(Validator validator, string? description) =>
        validator.Check((description?.Trim().Length ?? 0) <= 1000, "description", "Use at most 1000 characters.");

    public static void CheckSlug(Validator validator, string slug) =>
        validator.Check(
            IsValidSlug(slug),
            "slug",
            $"Use up to {MaxSlugLength} lower-case letters, digits and single hyphens between them (e.g. residencial-jardim).");

    public static bool IsValidSlug(string slug) =>
        slug.Length is > 0 and <= MaxSlugLength
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-')
        && !slug.Contains("--", StringComparison.Ordinal);

    /// <summary>"Residencial Jardim" → "residencial-jardim": accents dropped, anything else becomes one hyphen.</summary>
    public static string Slugify(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length <= MaxSlugLength ? text : text[..MaxSlugLength].TrimEnd('-');
    }

    public static string? CleanDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public static Error SlugTaken(string slug) =>
        Error.Conflict("product_slug_taken", $"Another product already uses the slug '{slug}'. Choose a different slug.");
}
