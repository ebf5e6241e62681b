using System.Text.Json;
using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Ui;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// The bot's decisions in the reader's language (English or pt-BR): each condition's verdict, an evaluation as one
/// paragraph (the trigger that fired and why, or why each weighed trigger did not), and the bot log's lines.
/// </summary>
internal static class BotWording
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Reason(IStringLocalizer<Strings> l, BotReason reason) => l["Why_" + reason.Code, [.. reason.Args]].Value;

    public static string Explain(IStringLocalizer<Strings> l, IReadOnlyList<TriggerVerdict> verdicts, string teamName)
    {
        if (verdicts.FirstOrDefault(v => v.Fired) is { } fired)
        {
            return l["Fired", fired.Description, string.Join("; ", fired.Reasons.Select(r => Reason(l, r)))].Value;
        }

        if (verdicts.Count == 0)
        {
            return l["NoTriggers", teamName].Value;
        }

        var why = verdicts.Select(v => l["NotFired", v.Description, string.Join("; ", v.Reasons.Where(r => !r.Holds).Select(r => Reason(l, r)))].Value);
        return l["NoneFired"].Value + " " + string.Join(" ", why);
    }

    /// <summary>One line of the log as the reader reads it.</summary>
    public static string Line(IStringLocalizer<Strings> l, BotLogEntry entry)
    {
        var args = Args(entry);
        if (entry.Kind == BotLogKinds.Stopped && args.Count == 0)
        {
            args = [l["An agent"].Value]; // an agent's reply names nobody
        }

        if (entry.Kind != BotLogKinds.Evaluated)
        {
            var text = l["Log_" + entry.Kind, [.. args]];
            return text.ResourceNotFound ? entry.Kind : text.Value;
        }

        // Evaluated: [cause, message, team name].
        var verdicts = Verdicts(entry);
        var team = args.ElementAtOrDefault(2) ?? "?";
        return l["Cause_" + args.ElementAtOrDefault(0), args.ElementAtOrDefault(1) ?? string.Empty, team].Value + " " + Explain(l, verdicts, team);
    }

    public static IReadOnlyList<string> Args(BotLogEntry entry) => JsonSerializer.Deserialize<string[]>(entry.ArgsJson, Json) ?? [];

    public static IReadOnlyList<TriggerVerdict> Verdicts(BotLogEntry entry) =>
        entry.VerdictsJson is null ? [] : JsonSerializer.Deserialize<List<TriggerVerdict>>(entry.VerdictsJson, Json) ?? [];
}
