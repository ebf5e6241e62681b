using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Chatbot.Triggers;

/// <summary>One trigger, as the editor opens it.</summary>
internal static class GetTrigger
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/chatbot/triggers/{id:guid}", async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> (Guid id, ContactCenterDbContext db, CancellationToken ct) =>
            await db.Set<BotTrigger>().FindAsync([id], ct) is { } t ? TypedResults.Ok(TriggerDto.Of(t)) : TriggerRules.NotFound().ToProblem())
        .WithName("GetChatbotTrigger")
        .WithSummary("One chatbot trigger")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Supervisor);
}
