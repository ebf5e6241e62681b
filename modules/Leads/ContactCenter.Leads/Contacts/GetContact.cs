using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

internal static class GetContact
{
    internal sealed class Handler(ContactCenterDbContext db, ContactVisibility visibility, ContactViews views)
    {
        public async Task<Result<ContactDto>> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var contacts = await visibility.ApplyAsync(db.Set<Contact>().AsNoTracking(), cancellationToken);
            var contact = await contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            return contact is null ? Error.NotFound("The contact") : await views.DetailAsync(contact, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contacts/{id:guid}", async Task<Results<Ok<ContactDto>, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetContact")
        .WithSummary("Get a contact")
        .WithDescription("Name, e-mail, phone, CPF, team and owner agent, with the contact's leads newest first. 404 when the caller may not see it.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
