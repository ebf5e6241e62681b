using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Temperature;

/// <summary>An agent rates a contact cold, warm or hot (the side panel's "temperatura", or an integration).</summary>
internal static class SetTemperature
{
    internal sealed record Request(string? Temperature);

    internal sealed class Handler(
        ContactCenterDbContext db, ContactVisibility visibility, ContactViews views, Thermometer thermometer, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<ContactDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var contacts = await visibility.ApplyAsync(db.Set<Contact>(), cancellationToken);
            if (await contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } contact)
            {
                return Error.NotFound("The contact");
            }

            if (Temperatures.Parse(request.Temperature) is not { } temperature)
            {
                return Error.Validation("temperature", "Choose cold, warm or hot.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (thermometer.Set(contact, temperature, now, caller.DisplayName ?? "Someone", caller.IsApiKey ? null : caller.UserId))
            {
                contact.UpdatedAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }

            return await views.DetailAsync(contact, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPatch("/contacts/{id:guid}/temperature", async Task<Results<Ok<ContactDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("SetContactTemperature")
        .WithSummary("Rate a contact cold, warm or hot")
        .WithDescription("{\"temperature\": \"cold\" | \"warm\" | \"hot\"}. The timeline records who changed it and from what; setting the same " +
            "temperature again changes nothing. Rules (Leads:Temperature) also raise it: a new lead, a returning contact, a quick WhatsApp " +
            "reply after the form. 404 when the caller may not see the contact; 400 validation_failed for anything else than the three.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
