using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot.Triggers;

/// <summary>Adds a trigger, after the others unless given a position (admins only).</summary>
internal sealed class CreateTrigger(ContactCenterDbContext db, TriggerChecks checks, TimeProvider clock, IAuditLog audit)
{
    public async Task<Result<TriggerDto>> HandleAsync(TriggerRequest request, CancellationToken cancellationToken)
    {
        var isFirst = !await db.Set<BotTrigger>().AnyAsync(cancellationToken);
        if (await checks.CheckAsync(request, isFirst, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.Set<BotTrigger>().MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0;
        var trigger = new BotTrigger { Description = string.Empty, Position = request.Position ?? last + 10, CreatedAt = now, UpdatedAt = now };
        TriggerRules.Apply(trigger, request);
        db.Add(trigger);
        audit.Record("botTrigger.created", TriggerChecks.AuditTarget(trigger), after: TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return TriggerDto.Of(trigger);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/chatbot/triggers", async Task<Results<Created<TriggerDto>, ProblemHttpResult>> (TriggerRequest request, CreateTrigger handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/chatbot/triggers/{t.Id}", t)))
        .WithName("CreateChatbotTrigger")
        .WithSummary("Add a chatbot trigger")
        .WithDescription("Conditions: teamId (null: any team), idleComparison none|greaterThan|lessThan with idleHours, keywords (comma-separated, " +
            "whole words, case and accents ignored), isTeamEntry. Action: sendMessage (message, handsOff) or moveToTeam (targetTeamId). " +
            "422 first_trigger_needs_inactivity when the first trigger (the greeting) does not require more than 1 hour without interaction.")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Admin);
}
