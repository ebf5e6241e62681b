using System.Text.Json;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Timeline;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Leads.Ui;

/// <summary>
/// A timeline line as a supervisor reads it, in the page's language: a headline for what happened and, for routing,
/// a sentence with the people and teams by name. The stored text (English, with the router's technical "why") is the
/// record behind "detalhes".
/// </summary>
internal static class TimelineWording
{
    public static string Headline(IStringLocalizer<Strings> l, TimelineEntryDto entry)
    {
        var key = "Timeline_" + entry.Kind;
        var text = l[key];
        return text.ResourceNotFound ? entry.Kind.Replace('_', ' ') : text.Value;
    }

    /// <summary>The sentence under the headline, or null when the headline says it all (old lines carry no names).</summary>
    public static string? Sentence(IStringLocalizer<Strings> l, TimelineEntryDto entry)
    {
        if (entry.Data is null || Parse(entry.Data) is not { } data)
        {
            return null;
        }

        string S(string key, params object[] arguments) => l[key, arguments].Value;
        var agent = data.Text("agentName");
        var team = data.Text("teamName");
        var previous = data.Text("previousAgentName") ?? S("The agent");
        var by = data.Text("byName") ?? S("Someone");
        return entry.Kind switch
        {
            TimelineKinds.OwnerNotified when agent is not null => S("Went back to {0}, the contact's agent, who was notified.", agent),
            TimelineKinds.FirstResponseTimeout => S("{0} did not answer in time; it passed to {1}.", previous, agent ?? S("the team's queue")),
            TimelineKinds.Transferred when agent is not null => S("{0} transferred it to {1}.", by, agent),
            TimelineKinds.Transferred => S("{0} transferred it to the team {1}.", by, team ?? "?"),
            TimelineKinds.Routed => data.Text("rule") switch
            {
                "Claimed" => S("{0} took it from the team's pool.", agent ?? "?"),
                "Outreach" => S("{0} started a conversation with the contact.", agent ?? "?"),
                "Pool" => S("Waiting in the pool of the team {0} for an agent to take it.", team ?? "?"),
                "Backlog" => S("Nobody was available: waiting in the queue of the team {0}.", team ?? "?"),
                "NoTeam" => S("No team serves this number or product: an admin must link one."),
                _ when agent is not null && team is not null => S("Given to {0} ({1}).", agent, team),
                _ when agent is not null => S("Given to {0}.", agent),
                _ when team is not null => S("Sent to the team {0}.", team),
                _ => null,
            },
            TimelineKinds.LeadReceived when data.Text("code") is { } code => data.Text("productName") is { } product
                ? S("Lead #{0} for {1}, from {2}.", code, product, S("LeadSource_" + data.Text("source")))
                : S("Lead #{0}, from {1}.", code, S("LeadSource_" + data.Text("source"))),
            TimelineKinds.WhatsAppArrival when data.Text("leadCode") is { } code => S("Wrote on WhatsApp about lead #{0}.", code),
            TimelineKinds.TaskCreated when data.Text("code") is { } code => S("Lead #{0} did not reach WhatsApp in time: an agent will call the person.", code),
            TimelineKinds.TemplateSent => S("{0} sent the template {1}.", by, data.Text("template") ?? "?"),
            TimelineKinds.TemperatureChanged => Temperature(l, data, by),
            TimelineKinds.Finished => Finished(l, data, by),
            TimelineKinds.TicketOpened => S("{0} opened ticket #{1}: {2}", by, data.Text("number") ?? "?", data.Text("title") ?? string.Empty),
            TimelineKinds.TicketStatus => S(
                "{0} moved ticket #{1} from {2} to {3}.", by, data.Text("number") ?? "?", S("TicketStatus_" + data.Text("from")), S("TicketStatus_" + data.Text("to"))),
            _ => null,
        };
    }

    private static string Temperature(IStringLocalizer<Strings> l, Data data, string by)
    {
        var to = l["Temperature_" + data.Text("to")].Value;
        var sentence = data.Text("rule") is { } rule
            ? l["Rule \"{0}\": now {1}.", l["TemperatureRule_" + rule].Value, to].Value
            : l["{0} set it to {1}.", by, to].Value;
        return data.Text("from") is { } from ? sentence + " " + l["(was {0})", l["Temperature_" + from].Value] : sentence;
    }

    private static string Finished(IStringLocalizer<Strings> l, Data data, string by)
    {
        var sentence = l["Finished by {0}.", by].Value;
        if (data.Text("reason") is { } reason)
        {
            sentence += " " + l["Reason: {0}.", reason];
        }

        if (data.Text("description") is { } description)
        {
            sentence += " " + description;
        }

        return sentence;
    }

    private static Data? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new Data(document.RootElement.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase))
                : null;
        }
        catch (JsonException)
        {
            return null; // a hand-edited or foreign row: the headline and the stored text still show
        }
    }

    private sealed record Data(IReadOnlyDictionary<string, string> Values)
    {
        public string? Text(string name) => Values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }
}
