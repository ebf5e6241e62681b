namespace ContactCenter.Leads.Temperature;

/// <summary>
/// How close a contact is to buying (the seed's "termômetro do lead": fria, morna, quente). It lives on the contact, not
/// on one lead, because it follows the whole handling across arrivals (seed 002), and it is null until someone or a
/// rule first rates the contact.
/// </summary>
internal static class Temperatures
{
    public const string Cold = "cold";
    public const string Warm = "warm";
    public const string Hot = "hot";

    public static readonly IReadOnlyList<string> All = [Cold, Warm, Hot];

    /// <summary>The canonical spelling, or null when it is none of the three.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(t => string.Equals(t, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>0 for unrated, then cold, warm, hot: rules only ever move a contact up this scale.</summary>
    public static int Rank(string? temperature) => temperature is null ? 0 : All.ToList().IndexOf(temperature) + 1;
}
