using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Settings;

internal static class GetRoutingSettings
{
    internal sealed class Handler(RoutingSettingsStore store)
    {
        public Task<RoutingSettingsDto> HandleAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/routing/settings", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("GetRoutingSettings")
        .WithSummary("Get the routing settings")
        .WithDescription("Backlog round interval, first-response timeout, unanswered-lead wait and away-after-disconnect. The defaults until an admin saves them.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Admin);
}
