using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
