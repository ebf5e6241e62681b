using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.WrapUp;

internal static class ListContactReasons
{
    internal sealed class Handler(ContactCenterDbContext db)
    {
        /// <summary>Alphabetical; the inactive ones only when asked (the admin page), never offered when finishing.</summary>
        public async Task<IReadOnlyList<ContactReasonDto>> HandleAsync(bool includeInactive, CancellationToken cancellationToken)
        {
            var reasons = await db.Set<ContactReason>().AsNoTracking()
                .Where(r => includeInactive || r.IsActive)
                .ToListAsync(cancellationToken);
            return [.. reasons.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Select(r => r.ToDto())];
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contact-reasons", async Task<Ok<IReadOnlyList<ContactReasonDto>>> (bool? includeInactive, Handler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(includeInactive == true, ct)))
        .WithName("ListContactReasons")
        .WithSummary("List the contact reasons")
        .WithDescription("The reasons an agent chooses from when finishing a conversation, alphabetical. includeInactive=true adds the deactivated ones.")
        .WithTags("Contact reasons")
        .RequireAuthorization(Policies.Agent);
}
