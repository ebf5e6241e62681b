using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Evaluation;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Chatbot;

/// <summary>A trigger as the API and the admin page show and take it (enums as camelCase names).</summary>
internal sealed record TriggerDto(
    Guid Id,
    int Position,
    string Description,
    Guid? TeamId,
    IdleComparison IdleComparison,
    double? IdleHours,
    string? Keywords,
    bool IsTeamEntry,
    BotAction Action,
    string? Message,
    Guid? TargetTeamId,
    bool HandsOff)
{
    public static TriggerDto Of(BotTrigger t) =>
        new(t.Id, t.Position, t.Description, t.TeamId, t.IdleComparison, t.IdleHours, t.Keywords, t.IsTeamEntry, t.Action, t.Message, t.TargetTeamId, t.HandsOff);
}

/// <summary>What an admin fills in for a trigger (create and update alike).</summary>
internal sealed record TriggerRequest(
    string? Description,
    Guid? TeamId,
    IdleComparison? IdleComparison,
    double? IdleHours,
    string? Keywords,
    bool? IsTeamEntry,
    BotAction? Action,
    string? Message,
    Guid? TargetTeamId,
    bool? HandsOff,
    int? Position);

/// <summary>The checks every trigger passes, and the seed's rule for the first one.</summary>
internal static class TriggerRules
{
    public const int MaxDescription = 200;
    public const int MaxKeywords = 500;
    public const int MaxMessage = 4096;
    public const double FirstTriggerMinHours = 1;

    public static Error? Check(TriggerRequest r, IReadOnlySet<Guid> teams)
    {
        var action = r.Action ?? BotAction.SendMessage;
        var comparison = r.IdleComparison ?? IdleComparison.None;
        var validator = new Validator()
            .Require("description", r.Description, "Describe the trigger in a few words.")
            .Check((r.Description?.Trim().Length ?? 0) <= MaxDescription, "description", $"Use at most {MaxDescription} characters.")
            .Check(r.TeamId is null || teams.Contains(r.TeamId.Value), "teamId", "That team does not exist.")
            .Check(r.IsTeamEntry != true || r.TeamId is not null, "teamId", "An entry trigger belongs to a team: choose it.")
            .Check(r.IsTeamEntry != true || Keywords.Split(r.Keywords).Count == 0, "keywords",
                "An entry trigger runs when the conversation enters its team, before the contact replies: it has no expected reply.")
            .Check(comparison == IdleComparison.None || r.IdleHours is > 0 and <= 8760, "idleHours", "Give the hours without interaction (more than 0, at most 8760).")
            .Check((r.Keywords?.Length ?? 0) <= MaxKeywords, "keywords", $"Use at most {MaxKeywords} characters.");
        if (action == BotAction.SendMessage)
        {
            validator.Require("message", r.Message, "Write the bot message the contact receives.")
                .Check((r.Message?.Length ?? 0) <= MaxMessage, "message", $"A WhatsApp text has at most {MaxMessage} characters.");
        }
        else
        {
            validator.Check(r.TargetTeamId is { } target && teams.Contains(target), "targetTeamId", "Choose the team the conversation moves to.")
                .Check(r.HandsOff != true, "handsOff", "A move to a team ends the flow by itself when that team has no entry trigger.");
        }

        return validator.IsValid ? null : validator.ToError();
    }

    /// <summary>
    /// Seed 003: "the chatbot's first trigger must be set to more than 1 hour" — the greeting (the first trigger, or one that
    /// answers any message in the first-contact team) would otherwise answer every message and fight the menu triggers.
    /// </summary>
    public static Error? CheckFirst(TriggerRequest r, bool isFirst, Guid? firstContactTeamId)
    {
        var greeting = r.IsTeamEntry != true && Keywords.Split(r.Keywords).Count == 0 && (r.TeamId is null || r.TeamId == firstContactTeamId);
        if (!isFirst && !greeting)
        {
            return null;
        }

        return r.IdleComparison == IdleComparison.GreaterThan && r.IdleHours >= FirstTriggerMinHours
            ? null
            : new Error(
                "first_trigger_needs_inactivity",
                "The first trigger (the greeting that starts the chatbot) must require more than 1 hour without interaction: set \"time without interaction\" " +
                "to greater than 1 hour or more, so it does not answer every message and fight the menu triggers.",
                422)
            {
                Fields = new Dictionary<string, string[]> { ["idleHours"] = ["The first trigger needs more than 1 hour without interaction."] },
            };
    }

    public static void Apply(BotTrigger t, TriggerRequest r)
    {
        t.Description = r.Description!.Trim();
        t.TeamId = r.TeamId;
        t.IdleComparison = r.IdleComparison ?? IdleComparison.None;
        t.IdleHours = t.IdleComparison == IdleComparison.None ? null : r.IdleHours;
        t.Keywords = string.IsNullOrWhiteSpace(r.Keywords) ? null : string.Join(", ", Keywords.Split(r.Keywords));
        t.IsTeamEntry = r.IsTeamEntry ?? false;
        t.Action = r.Action ?? BotAction.SendMessage;
        t.Message = t.Action == BotAction.SendMessage ? r.Message!.Trim() : null;
        t.TargetTeamId = t.Action == BotAction.MoveToTeam ? r.TargetTeamId : null;
        t.HandsOff = t.Action == BotAction.SendMessage && (r.HandsOff ?? false);
    }

    public static Error NotFound() => new("trigger_not_found", "There is no such trigger.", 404);
}
