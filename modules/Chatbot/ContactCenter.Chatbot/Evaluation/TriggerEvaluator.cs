using System.Globalization;
using ContactCenter.Chatbot.Domain;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>One condition's verdict: a stable code (worded by <see cref="BotWording"/>), the facts it names, and whether it held.</summary>
internal sealed record BotReason(string Code, bool Holds, IReadOnlyList<string> Args);

/// <summary>A trigger weighed: whether it fired, and every condition's verdict in the order the trigger states them.</summary>
internal sealed record TriggerVerdict(Guid TriggerId, string Description, bool Fired, IReadOnlyList<BotReason> Reasons);

/// <summary>What an evaluation decided: the trigger that fired (if any) and the verdicts of those weighed.</summary>
internal sealed record EvaluationResult(BotTrigger? Fired, IReadOnlyList<TriggerVerdict> Verdicts);

/// <summary>
/// THE rule, pure: the triggers of the conversation's current team (and those for any team), entry triggers aside, are
/// weighed in order against the time since the business last wrote and the contact's message; the first whose
/// conditions all hold fires, the later ones are not weighed. The live bot, the sweep and "testar" all call this.
/// </summary>
internal static class TriggerEvaluator
{
    public static EvaluationResult Evaluate(
        IReadOnlyList<BotTrigger> triggers, Guid teamId, TimeSpan? idle, string? message, Func<Guid?, string> teamName)
    {
        var verdicts = new List<TriggerVerdict>();
        foreach (var trigger in triggers.Where(t => !t.IsTeamEntry && (t.TeamId is null || t.TeamId == teamId)).OrderBy(t => t.Position))
        {
            var reasons = Weigh(trigger, teamId, idle, message, teamName);
            var fired = reasons.All(r => r.Holds);
            verdicts.Add(new TriggerVerdict(trigger.Id, trigger.Description, fired, reasons));
            if (fired)
            {
                return new EvaluationResult(trigger, verdicts);
            }
        }

        return new EvaluationResult(null, verdicts);
    }

    /// <summary>The entry trigger of a team: the first by position (seed 003: "the team's first trigger is its entry trigger").</summary>
    public static BotTrigger? EntryOf(IReadOnlyList<BotTrigger> triggers, Guid teamId) =>
        triggers.Where(t => t.IsTeamEntry && t.TeamId == teamId).OrderBy(t => t.Position).FirstOrDefault();

    private static List<BotReason> Weigh(BotTrigger trigger, Guid teamId, TimeSpan? idle, string? message, Func<Guid?, string> teamName)
    {
        var reasons = new List<BotReason>
        {
            trigger.TeamId is null ? new("any_team", true, [teamName(teamId)]) : new("team", true, [teamName(teamId)]),
        };
        if (trigger.IdleComparison != IdleComparison.None && trigger.IdleHours is { } hours)
        {
            reasons.Add(Idle(trigger.IdleComparison, hours, idle));
        }

        var keywords = Keywords.Split(trigger.Keywords);
        if (keywords.Count > 0)
        {
            var list = string.Join(", ", keywords);
            reasons.Add(string.IsNullOrWhiteSpace(message)
                ? new BotReason("no_text", false, [list])
                : Keywords.FindIn(message, keywords) is { } found ? new BotReason("keyword", true, [found]) : new BotReason("no_keyword", false, [list]));
        }

        return reasons;
    }

    private static BotReason Idle(IdleComparison comparison, double hours, TimeSpan? idle)
    {
        var limit = hours.ToString("0.##", CultureInfo.InvariantCulture);
        if (idle is not { } elapsed)
        {
            // Nobody has written to the contact yet: longer than any limit, shorter than none.
            return comparison == IdleComparison.GreaterThan ? new BotReason("never_more", true, [limit]) : new BotReason("never_not_less", false, [limit]);
        }

        var span = Duration(elapsed);
        var limitSpan = TimeSpan.FromHours(hours);
        return comparison == IdleComparison.GreaterThan
            ? new BotReason(elapsed > limitSpan ? "idle_more" : "idle_not_more", elapsed > limitSpan, [span, limit])
            : new BotReason(elapsed < limitSpan ? "idle_less" : "idle_not_less", elapsed < limitSpan, [span, limit]);
    }

    /// <summary>"3 min", "1 h 05 min", "2 d 4 h": how long, as people say it, in both languages.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "< 1 min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes:00} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
