using ContactCenter.Conversations.Contracts;
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

namespace ContactCenter.Conversations.WrapUp;

internal static class CreateContactReason
{
    internal sealed record Request(string? Name, bool IsActive = true);

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, IAuditLog audit)
    {
        public async Task<Result<ContactReasonDto>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            var name = ContactReasonRules.CleanName(validator, request.Name);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var lower = name!.ToLower();
            if (await db.Set<ContactReason>().AnyAsync(r => r.Name.ToLower() == lower, cancellationToken))
            {
                return ContactReasonRules.NameTaken(name);
            }

            var reason = new ContactReason { Name = name, IsActive = request.IsActive, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Set<ContactReason>().Add(reason);
            audit.Record("contactReason.created", ContactReasonRules.AuditTargetOf(reason), after: ContactReasonRules.AuditSnapshot(reason));
            await db.SaveChangesAsync(cancellationToken);
            return reason.ToDto();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/contact-reasons", async Task<Results<Created<ContactReasonDto>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(reason => TypedResults.Created($"/api/v1/contact-reasons/{reason.Id}", reason)))
        .WithName("CreateContactReason")
        .WithSummary("Add a contact reason")
        .WithDescription("Name (unique, case-insensitive; 409 reason_exists) and whether it is offered when finishing.")
        .WithTags("Contact reasons")
        .RequireAuthorization(Policies.Admin);
}
