using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Evaluation;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Chatbot.Ui;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Chatbot.Simulation;

/// <summary>
/// "Testar": which trigger a message would fire in a team after some time without interaction, and why, in words —
/// the live bot's own rule (<see cref="TriggerEvaluator"/>), with nothing sent or stored.
/// </summary>
internal static class SimulateTrigger
{
    /// <param name="TeamId">The conversation's team (default: the first-contact team).</param>
    /// <param name="IdleHours">Hours since the business last wrote to the contact; null: nobody has written yet.</param>
    /// <param name="Message">What the contact writes.</param>
    internal sealed record Request(Guid? TeamId, double? IdleHours, string? Message);

    internal sealed record ReasonView(string Code, bool Holds, string Text);

    internal sealed record VerdictView(Guid TriggerId, string Description, bool Fired, IReadOnlyList<ReasonView> Reasons);

    /// <summary><see cref="Then"/>: what happens next (the bot message, the move and the new team's entry trigger, the hand-off).</summary>
    internal sealed record Response(Guid TeamId, string TeamName, TriggerDto? Fired, string Explanation, IReadOnlyList<string> Then, IReadOnlyList<VerdictView> Triggers);

    internal sealed class Handler(ContactCenterDbContext db, GetChatbotSettings settings, IQueuesApi queues, IStringLocalizer<Strings> l)
    {
        public async Task<Result<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var teams = (await queues.ListTeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
            var teamId = request.TeamId ?? (await settings.LoadAsync(cancellationToken)).FirstContactTeamId;
            var validator = new Validator()
                .Check(teamId is { } id && teams.ContainsKey(id), "teamId", request.TeamId is null ? "Choose the team (no first-contact team is set)." : "That team does not exist.")
                .Check(request.IdleHours is null or >= 0, "idleHours", "Hours without interaction cannot be negative.")
                .Check((request.Message?.Length ?? 0) <= 4096, "message", "A WhatsApp text has at most 4096 characters.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var triggers = await db.Set<BotTrigger>().AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken);
            var name = BotRunner.Name(teams);
            var idle = request.IdleHours is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null;
            var result = TriggerEvaluator.Evaluate(triggers, teamId!.Value, idle, request.Message, name);
            var verdicts = result.Verdicts
                .Select(v => new VerdictView(v.TriggerId, v.Description, v.Fired, [.. v.Reasons.Select(r => new ReasonView(r.Code, r.Holds, BotWording.Reason(l, r)))]))
                .ToList();
            return new Response(
                teamId.Value,
                name(teamId),
                result.Fired is null ? null : TriggerDto.Of(result.Fired),
                BotWording.Explain(l, result.Verdicts, name(teamId)),
                result.Fired is null ? [] : Then(result.Fired, triggers, teamId.Value, name),
                verdicts);
        }

        private List<string> Then(BotTrigger fired, List<BotTrigger> triggers, Guid teamId, Func<Guid?, string> name)
        {
            var lines = new List<string>();
            var current = fired;
            for (var moves = 0; moves <= 5; moves++)
            {
                if (current.Action == BotAction.SendMessage)
                {
                    lines.Add(l["Then_message", current.Message ?? string.Empty]);
                    if (current.HandsOff)
                    {
                        lines.Add(l["Then_handoff", name(teamId)]);
                    }

                    return lines;
                }

                teamId = current.TargetTeamId ?? teamId;
                if (TriggerEvaluator.EntryOf(triggers, teamId) is not { } entry)
                {
                    lines.Add(l["Then_move_handoff", name(teamId)]);
                    return lines;
                }

                lines.Add(l["Then_move_entry", name(teamId), entry.Description]);
                current = entry;
            }

            return lines;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/chatbot/simulate", async Task<Results<Ok<Response>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(TypedResults.Ok))
        .WithName("SimulateChatbot")
        .WithSummary("Which trigger a message would fire, and why (nothing is sent)")
        .WithDescription("Body: teamId (default: the first-contact team), idleHours (hours since the business last wrote; null: never), message. " +
            "The answer names the trigger that fires (or none), each weighed trigger's conditions in words (in the language of the UI's culture cookie, pt-BR by default) and what follows.")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Supervisor);
}
