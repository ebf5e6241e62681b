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

namespace ContactCenter.Chatbot.Triggers;

/// <summary>Deletes a trigger (admins only); the audit log keeps what it was.</summary>
internal sealed class DeleteTrigger(ContactCenterDbContext db, IAuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<BotTrigger>().FindAsync([id], cancellationToken) is not { } trigger)
        {
            return TriggerRules.NotFound();
        }

        db.Remove(trigger);
        audit.Record("botTrigger.deleted", TriggerChecks.AuditTarget(trigger), before: TriggerDto.Of(trigger));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/chatbot/triggers/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, DeleteTrigger handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()))
        .WithName("DeleteChatbotTrigger")
        .WithSummary("Delete a chatbot trigger")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Admin);
}
