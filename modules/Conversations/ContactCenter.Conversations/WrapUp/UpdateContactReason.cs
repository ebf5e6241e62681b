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

/// <summary>Renames or (de)activates a reason. There is no delete: finished conversations keep pointing at it.</summary>
internal static class UpdateContactReason
{
    internal sealed record Request(string? Name, bool IsActive = true);

    internal sealed class Handler(ContactCenterDbContext db, IAuditLog audit)
    {
        public async Task<Result<ContactReasonDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            var name = ContactReasonRules.CleanName(validator, request.Name);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var reason = await db.Set<ContactReason>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (reason is null)
            {
                return Error.NotFound("The contact reason");
            }

            var lower = name!.ToLower();
            if (await db.Set<ContactReason>().AnyAsync(r => r.Id != id && r.Name.ToLower() == lower, cancellationToken))
            {
                return ContactReasonRules.NameTaken(name);
            }

            var before = ContactReasonRules.AuditSnapshot(reason);
            reason.Name = name;
            reason.IsActive = request.IsActive;
            audit.Record("contactReason.updated", ContactReasonRules.AuditTargetOf(reason), before, ContactReasonRules.AuditSnapshot(reason));
            await db.SaveChangesAsync(cancellationToken);
            return reason.ToDto();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/contact-reasons/{id:guid}", async Task<Results<Ok<ContactReasonDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateContactReason")
        .WithSummary("Rename or deactivate a contact reason")
        .WithDescription("isActive=false stops offering it; conversations already finished with it keep the name they were finished with.")
        .WithTags("Contact reasons")
        .RequireAuthorization(Policies.Admin);
}
