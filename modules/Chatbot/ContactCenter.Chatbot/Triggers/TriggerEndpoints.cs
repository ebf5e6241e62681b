using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Kernel.Audit;
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

namespace ContactCenter.Chatbot.Triggers;

/// <summary>The triggers in evaluation order.</summary>
internal sealed class ListTriggers(ContactCenterDbContext db)
{
    public async Task<IReadOnlyList<TriggerDto>> HandleAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<BotTrigger>().AsNoTracking().OrderBy(t => t.Position).ToListAsync(cancellationToken)).Select(TriggerDto.Of)];

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/chatbot/triggers", async (ListTriggers handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("ListChatbotTriggers")
        .WithSummary("The chatbot's triggers, in the order they are weighed")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Supervisor);
}

/// <summary>Creates, changes and deletes triggers: one handler, since the three share the checks (admins only).</summary>
internal sealed class SaveTrigger(ContactCenterDbContext db, IQueuesApi queues, GetChatbotSettings settings, TimeProvider clock, IAuditLog audit)
{
    public async Task<Result<TriggerDto>> CreateAsync(TriggerRequest request, CancellationToken cancellationToken)
    {
        var isFirst = !await db.Set<BotTrigger>().AnyAsync(cancellationToken);
        if (await CheckAsync(request, isFirst, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.Set<BotTrigger>().MaxAsync(t => (int?)t.Position, cancellationToken) ?? 0;
        var trigger = new BotTrigger { Description = string.Empty, Position = request.Position ?? last + 10, CreatedAt = now, UpdatedAt = now };
        TriggerRules.Apply(trigger, request);
        db.Add(trigger);
        audit.Record("botTrigger.created", Target(trigger), after: TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return TriggerDto.Of(trigger);
    }

    public async Task<Result<TriggerDto>> UpdateAsync(Guid id, TriggerRequest request, CancellationToken cancellationToken)
    {
        if (await db.Set<BotTrigger>().FindAsync([id], cancellationToken) is not { } trigger)
        {
            return TriggerRules.NotFound();
        }

        var first = await db.Set<BotTrigger>().OrderBy(t => t.Position).ThenBy(t => t.CreatedAt).Select(t => t.Id).FirstAsync(cancellationToken);
        if (await CheckAsync(request, first == id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var before = TriggerDto.Of(trigger);
        TriggerRules.Apply(trigger, request);
        trigger.Position = request.Position ?? trigger.Position;
        trigger.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("botTrigger.updated", Target(trigger), before, TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return TriggerDto.Of(trigger);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<BotTrigger>().FindAsync([id], cancellationToken) is not { } trigger)
        {
            return TriggerRules.NotFound();
        }

        db.Remove(trigger);
        audit.Record("botTrigger.deleted", Target(trigger), before: TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static AuditTarget Target(BotTrigger trigger) => AuditTarget.Of("botTrigger", trigger.Id, trigger.Description);

    private async Task<Error?> CheckAsync(TriggerRequest request, bool isFirst, CancellationToken cancellationToken)
    {
        var teams = (await queues.ListTeamsAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        return TriggerRules.Check(request, teams)
            ?? TriggerRules.CheckFirst(request, isFirst, (await settings.LoadAsync(cancellationToken)).FirstContactTeamId);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/chatbot/triggers", async Task<Results<Created<TriggerDto>, ProblemHttpResult>> (TriggerRequest request, SaveTrigger handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/chatbot/triggers/{t.Id}", t)))
            .WithName("CreateChatbotTrigger")
            .WithSummary("Add a chatbot trigger")
            .WithDescription("Conditions: teamId (null: any team), idleComparison none|greaterThan|lessThan with idleHours, keywords (comma-separated, " +
                "whole words, case and accents ignored), isTeamEntry. Action: sendMessage (message, handsOff) or moveToTeam (targetTeamId). " +
                "422 first_trigger_needs_inactivity when the first trigger (the greeting) does not require more than 1 hour without interaction.")
            .WithTags("Chatbot")
            .RequireAuthorization(Policies.Admin);
        api.MapGet("/chatbot/triggers/{id:guid}", async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> (Guid id, ContactCenterDbContext db, CancellationToken ct) =>
                await db.Set<BotTrigger>().FindAsync([id], ct) is { } t ? TypedResults.Ok(TriggerDto.Of(t)) : TriggerRules.NotFound().ToProblem())
            .WithName("GetChatbotTrigger")
            .WithSummary("One chatbot trigger")
            .WithTags("Chatbot")
            .RequireAuthorization(Policies.Supervisor);
        api.MapPut("/chatbot/triggers/{id:guid}", async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> (Guid id, TriggerRequest request, SaveTrigger handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateChatbotTrigger")
            .WithSummary("Change a chatbot trigger (the whole trigger)")
            .WithTags("Chatbot")
            .RequireAuthorization(Policies.Admin);
        api.MapDelete("/chatbot/triggers/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SaveTrigger handler, CancellationToken ct) =>
                (await handler.DeleteAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("DeleteChatbotTrigger")
            .WithSummary("Delete a chatbot trigger")
            .WithTags("Chatbot")
            .RequireAuthorization(Policies.Admin);
    }
}
