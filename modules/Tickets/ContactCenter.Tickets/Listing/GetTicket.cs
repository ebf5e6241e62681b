using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Tickets.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Tickets.Listing;

/// <summary>One ticket by number with its history, for whoever may see it (else 404 ticket_not_found, whether it exists or not).</summary>
internal static class GetTicket
{
    internal sealed class Handler(TicketVisibility visibility, TicketViews views)
    {
        public async Task<Result<TicketDetail>> HandleAsync(int number, CancellationToken cancellationToken)
        {
            return await visibility.FindAsync(number, tracked: false, cancellationToken) is { } ticket
                ? await views.ToDetailAsync(ticket, cancellationToken)
                : TicketRules.NotFound(number);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tickets/{number:int}", async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> (int number, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(number, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetTicket")
        .WithSummary("One ticket with the history of its changes")
        .WithTags("Tickets")
        .RequireAuthorization(Policies.Agent);
}
