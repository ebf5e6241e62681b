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

/// <summary>Changes a whole trigger; the first one keeps the greeting's rule (admins only).</summary>
internal sealed class UpdateTrigger(ContactCenterDbContext db, TriggerChecks checks, TimeProvider clock, IAuditLog audit)
{
    public async Task<Result<TriggerDto>> HandleAsync(Guid id, TriggerRequest request, CancellationToken cancellationToken)
    {
        if (await db.Set<BotTrigger>().FindAsync([id], cancellationToken) is not { } trigger)
        {
            return TriggerRules.NotFound();
        }

        var first = await db.Set<BotTrigger>().OrderBy(t => t.Position).ThenBy(t => t.CreatedAt).Select(t => t.Id).FirstAsync(cancellationToken);
        if (await checks.CheckAsync(request, first == id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var before = TriggerDto.Of(trigger);
        TriggerRules.Apply(trigger, request);
        trigger.Position = request.Position ?? trigger.Position;
        trigger.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("botTrigger.updated", TriggerChecks.AuditTarget(trigger), before, TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return TriggerDto.Of(trigger);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/chatbot/triggers/{id:guid}", async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> (Guid id, TriggerRequest request, UpdateTrigger handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateChatbotTrigger")
        .WithSummary("Change a chatbot trigger (the whole trigger)")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Admin);
}
