using ContactCenter.Conversations.Domain;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// What a person types to find a contact: part of the name, or the number in any local or international format
/// ("+55 (11) 99999-9999", "011 99999-9999", "11999999999"). Numbers are stored as E.164 digits, so the typed digits
/// (without a trunk 0) must appear in them.
/// </summary>
internal sealed record ContactSearch(string Term, string Digits)
{
    public static ContactSearch? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var term = text.Trim();
        var digits = new string([.. term.Where(char.IsAsciiDigit)]).TrimStart('0');
        var looksLikeNumber = term.All(ch => char.IsAsciiDigit(ch) || ch is '+' or '(' or ')' or '-' or '.' or ' ');
        return new ContactSearch(term, looksLikeNumber ? digits : string.Empty);
    }

    public IQueryable<Conversation> Apply(IQueryable<Conversation> conversations)
    {
        var lower = Term.ToLowerInvariant();
        var term = Term;
        var digits = Digits;
        return conversations.Where(c =>
            (c.ContactName != null && (c.ContactName.ToLower().Contains(lower) || c.ContactName.Contains(term)))
            || (digits.Length > 0 && c.ContactPhone.Contains(digits)));
    }
}
