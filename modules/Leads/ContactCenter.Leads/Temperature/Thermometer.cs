using ContactCenter.Leads.Timeline;

namespace ContactCenter.Leads.Temperature;

/// <summary>Changes a contact's temperature and says so on the timeline, with who or which rule did it. The caller saves.</summary>
internal sealed class Thermometer(ContactTimeline timeline, TemperatureOptions options)
{
    /// <summary>The rule names the timeline and the pages word ("new_lead", "returning", "quick_whatsapp").</summary>
    public const string NewLeadRule = "new_lead";
    public const string ReturningRule = "returning";
    public const string QuickWhatsAppRule = "quick_whatsapp";

    public TemperatureOptions Options => options;

    /// <summary>An agent (or an integration) sets any temperature; false when it already was that.</summary>
    public bool Set(Contact contact, string temperature, DateTime at, string byName, Guid? byUserId)
    {
        if (contact.Temperature == temperature)
        {
            return false;
        }

        var from = contact.Temperature;
        contact.Temperature = temperature;
        timeline.Add(contact.Id, at, TimelineKinds.TemperatureChanged, $"{byName} set the temperature to {temperature}{(from is null ? string.Empty : $" (was {from})")}.",
            new { from, to = temperature, byName }, agentId: byUserId);
        return true;
    }

    /// <summary>A rule raises the temperature to <paramref name="temperature"/> (null: the rule is off); never lowers it.</summary>
    public void Raise(Contact contact, string? temperature, string rule, DateTime at, Guid? conversationId = null)
    {
        if (temperature is null || Temperatures.Rank(temperature) <= Temperatures.Rank(contact.Temperature))
        {
            return;
        }

        var from = contact.Temperature;
        contact.Temperature = temperature;
        timeline.Add(contact.Id, at, TimelineKinds.TemperatureChanged, $"The rule \"{rule}\" set the temperature to {temperature}{(from is null ? string.Empty : $" (was {from})")}.",
            new { from, to = temperature, rule }, conversationId);
    }
}
