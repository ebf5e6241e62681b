using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Values;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// What a person types to find a contact: part of the name, or the number in any local or international format
/// ("+55 (11) 99999-9999", "011 99999-9999", "11999999999"). Numbers are stored as E.164 digits: a whole number is read
/// with libphonenumber into its E.164 digits, a part of one matches as typed (<see cref="PhoneNumberReader.SearchDigits"/>).
/// </summary>
internal sealed record ContactSearch(string Term, string Digits)
{
    public static ContactSearch? Parse(string? text, PhoneNumberReader phoneNumbers)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var term = text.Trim();
        return new ContactSearch(term, phoneNumbers.SearchDigits(term));
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
