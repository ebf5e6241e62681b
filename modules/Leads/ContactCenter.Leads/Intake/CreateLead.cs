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

namespace ContactCenter.Leads.Intake;

internal static class CreateLead
{
    /// <summary>
    /// The product by id or slug; <see cref="ContactId"/> for "Add as lead" from an unknown WhatsApp conversation
    /// (the phone then defaults to the contact's, and the lead counts as reached).
    /// </summary>
    internal sealed record Request(
        Guid? ProductId = null,
        string? ProductSlug = null,
        string? Name = null,
        string? Email = null,
        string? Phone = null,
        string? Cpf = null,
        Guid? ContactId = null);

    internal sealed class Handler(ContactCenterDbContext db, LeadIntake intake, ICurrentUser caller, ContactVisibility visibility)
    {
        public async Task<Result<LeadCreatedDto>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            Contact? contact = null;
            if (request.ContactId is { } contactId)
            {
                contact = await db.Set<Contact>().FindAsync([contactId], cancellationToken);
                if (contact is null || !await visibility.CanSeeAsync(contact, cancellationToken))
                {
                    return Error.NotFound("The contact");
                }
            }

            var input = new LeadInput(request.ProductId, request.ProductSlug, request.Name, request.Email, request.Phone, request.Cpf, request.ContactId);
            var result = await intake.TakeAsync(
                input,
                contact is null ? LeadSources.Api : LeadSources.WhatsApp,
                keepTeamOnConflict: false,
                contact,
                caller.IsApiKey ? null : caller.DisplayName,
                cancellationToken);
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/leads", async Task<Results<Created<LeadCreatedDto>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(lead => TypedResults.Created($"/api/v1/contacts/{lead.ContactId}", lead)))
        .WithName("CreateLead")
        .WithSummary("Take in a lead (portals, landing pages, agents)")
        .WithDescription("productId or productSlug, name, email, phone and an optional CPF (checksum-validated). Answers the lead code, " +
            "whether the person is returning (decided by e-mail; a known phone with another e-mail counts too) and why, and whatsAppUrl: " +
            "a wa.me link to the team's channel account whose text carries the code (null with whatsAppNote saying why). " +
            "A contact already in another team is refused with 409 contact_in_another_team. contactId adds a lead to a known " +
            "WhatsApp contact (\"Add as lead\").")
        .WithTags("Leads")
        .RequireAuthorization(Policies.Agent);
}
