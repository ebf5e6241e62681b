using Microsoft.Extensions.Configuration;

namespace ContactCenter.Leads.Temperature;

/// <summary>
/// The rules that warm contacts up by themselves (section <c>Leads:Temperature</c>); an empty temperature turns a rule
/// off. Rules only raise a contact's temperature: what an agent lowered stays until something hotter happens.
/// </summary>
/// <param name="NewLead">A lead arrives by the form, the API or an agent (default warm: the person asked about a product).</param>
/// <param name="Returning">A returning contact opens a new conversation by themselves (default hot: they came back).</param>
/// <param name="QuickWhatsApp">The person wrote on WhatsApp within <paramref name="QuickWhatsAppMinutes"/> of their form (default hot).</param>
internal sealed record TemperatureOptions(string? NewLead, string? Returning, string? QuickWhatsApp, int QuickWhatsAppMinutes)
{
    public static TemperatureOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Leads:Temperature");
        string? Rule(string key, string fallback) => section[key] is { } set ? Temperatures.Parse(set) : fallback;
        return new TemperatureOptions(
            Rule("NewLead", Temperatures.Warm),
            Rule("Returning", Temperatures.Hot),
            Rule("QuickWhatsApp", Temperatures.Hot),
            section.GetValue("QuickWhatsAppMinutes", 10));
    }
}
