using System.Text.Json;
using ContactCenter.Chatbot.Contracts;
using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot.Evaluation;

/// <summary>
/// The live bot, inside the caller's unit of work (never saves): weighs the triggers (<see cref="TriggerEvaluator"/>),
/// carries out the one that fired — a bot message through the outbox (only inside the 24-hour window), or a move to a
/// team and that team's entry trigger —, ends the flow with <see cref="BotHandedOff"/>, and logs every step.
/// </summary>
internal sealed class BotRunner(ContactCenterDbContext db, IConversationsApi conversations, IQueuesApi queues, IDomainEvents events, TimeProvider clock)
{
    /// <summary>A move whose entry trigger moves again, and again: a loop in the flow ends after this many.</summary>
    private const int MaxMoves = 5;

    private List<BotTrigger>? _triggers;
    private Dictionary<Guid, string>? _teams;

    /// <summary>A new conversation the bot greets: outside-hours and welcome messages, then the triggers on its first message.</summary>
    public async Task StartAsync(BotSession session, BotSettings settings, string? text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (settings.OutsideHoursMessage is { Length: > 0 } outside && !BusinessHours.IsOpen(settings, session.TeamId, now))
        {
            await SendAsync(session, outside, BotLogKinds.OutsideHours, [await TeamNameAsync(session.TeamId, cancellationToken)], null, now, cancellationToken);
        }

        if (settings.WelcomeMessage is { Length: > 0 } welcome)
        {
            await SendAsync(session, welcome, BotLogKinds.Welcome, [], null, now, cancellationToken);
        }

        await EvaluateAsync(session, "message", text, cancellationToken);
    }

    /// <summary>Weighs the session's team's triggers against <paramref name="text"/> now, and carries out the one that fires.</summary>
    public async Task EvaluateAsync(BotSession session, string cause, string? text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var triggers = await TriggersAsync(cancellationToken);
        var teams = await TeamsAsync(cancellationToken);
        var idle = session.LastInteractionAt is { } last ? now - last : (TimeSpan?)null;
        var result = TriggerEvaluator.Evaluate(triggers, session.TeamId, idle, text, Name(teams));
        Log(session, now, BotLogKinds.Evaluated, [cause, Cut(text, 200), Name(teams)(session.TeamId)], result.Fired, JsonSerializer.Serialize(result.Verdicts, BotWording.Json));
        if (result.Fired is { } fired)
        {
            await ActAsync(session, fired, now, 0, cancellationToken);
        }

        session.DueAt = NextDue(session, triggers, now);
        session.UpdatedAt = now;
    }

    private async Task ActAsync(BotSession session, BotTrigger trigger, DateTime now, int moves, CancellationToken cancellationToken)
    {
        if (trigger.Action == BotAction.SendMessage)
        {
            await SendAsync(session, trigger.Message ?? string.Empty, BotLogKinds.Sent, [trigger.Message ?? string.Empty], trigger, now, cancellationToken);
            if (trigger.HandsOff)
            {
                await HandOffAsync(session, session.TeamId, trigger, $"trigger \"{trigger.Description}\" ends the flow.", now, cancellationToken);
            }

            return;
        }

        if (trigger.TargetTeamId is not { } target)
        {
            return;
        }

        session.TeamId = target;
        var teamName = await TeamNameAsync(target, cancellationToken);
        Log(session, now, BotLogKinds.Moved, [teamName], trigger);
        var entry = TriggerEvaluator.EntryOf(await TriggersAsync(cancellationToken), target);
        if (entry is null || moves >= MaxMoves)
        {
            await HandOffAsync(session, target, trigger, $"trigger \"{trigger.Description}\" moved it to team {teamName}, which has no entry trigger.", now, cancellationToken);
            return;
        }

        Log(session, now, BotLogKinds.Entry, [teamName, entry.Description], entry);
        await ActAsync(session, entry, now, moves + 1, cancellationToken);
    }

    private async Task SendAsync(BotSession session, string text, string kind, string[] args, BotTrigger? trigger, DateTime now, CancellationToken cancellationToken)
    {
        var outcome = await conversations.AddBotMessageAsync(session.ConversationId, text, cancellationToken);
        if (outcome == BotSendOutcome.Queued)
        {
            session.LastInteractionAt = now;
            Log(session, now, kind, args, trigger);
        }
        else
        {
            Log(session, now, BotLogKinds.WindowClosed, [], trigger);
        }
    }

    private async Task HandOffAsync(BotSession session, Guid teamId, BotTrigger trigger, string why, DateTime now, CancellationToken cancellationToken)
    {
        var teamName = await TeamNameAsync(teamId, cancellationToken);
        session.State = BotSessionState.HandedOff;
        session.DueAt = null;
        Log(session, now, BotLogKinds.HandedOff, [teamName], trigger);
        events.Raise(new BotHandedOff(session.ConversationId, session.ContactId, teamId, teamName, trigger.Id, trigger.Description, "The " + why, now));
    }

    /// <summary>
    /// When the sweep must look again: the contact wrote last and a "more than N hours" trigger of the current team may
    /// fire on that unanswered message once N hours have passed since the business last wrote. Null otherwise.
    /// </summary>
    private static DateTime? NextDue(BotSession session, IReadOnlyList<BotTrigger> triggers, DateTime now)
    {
        if (session.State != BotSessionState.Active || session.LastInteractionAt is not { } last || session.LastInboundAt is not { } inbound || inbound < last)
        {
            return null;
        }

        var due = triggers
            .Where(t => !t.IsTeamEntry && (t.TeamId is null || t.TeamId == session.TeamId) && t.IdleComparison == IdleComparison.GreaterThan && t.IdleHours is not null)
            .Select(t => last + TimeSpan.FromHours(t.IdleHours!.Value) + TimeSpan.FromSeconds(1))
            .Where(at => at > now)
            .Order()
            .ToList();
        return due.Count > 0 ? due[0] : null;
    }

    public void Log(BotSession session, DateTime now, string kind, string[] args, BotTrigger? trigger = null, string? verdicts = null) =>
        db.Add(new BotLogEntry
        {
            ConversationId = session.ConversationId,
            At = now,
            Position = ++session.LogCount,
            Kind = kind,
            TriggerId = trigger?.Id,
            TriggerDescription = trigger?.Description,
            ArgsJson = JsonSerializer.Serialize(args, BotWording.Json),
            VerdictsJson = verdicts,
        });

    private async Task<List<BotTrigger>> TriggersAsync(CancellationToken cancellationToken) =>
        _triggers ??= await db.Set<BotTrigger>().AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken);

    private async Task<Dictionary<Guid, string>> TeamsAsync(CancellationToken cancellationToken) =>
        _teams ??= (await queues.ListTeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);

    private async Task<string> TeamNameAsync(Guid teamId, CancellationToken cancellationToken) => Name(await TeamsAsync(cancellationToken))(teamId);

    public static Func<Guid?, string> Name(IReadOnlyDictionary<Guid, string> teams) =>
        id => id is { } value && teams.TryGetValue(value, out var name) ? name : "?";

    private static string Cut(string? text, int max) => text is null ? string.Empty : text.Length <= max ? text : text[..max] + "…";
}
