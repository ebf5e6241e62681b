using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Users;

internal static class UpdateUser
{
    /// <summary>Every field is optional: what is left out stays as it is. A new password ends the user's sessions.</summary>
    internal sealed record Request(string? DisplayName, string? Email, Role? Role, bool? IsActive, string? Password);

    internal sealed class Handler(ContactCenterDbContext db, IPasswordHasher<User> hasher, ICurrentUser caller, IDomainEvents events, IAuditLog audit)
    {
        public async Task<Result<UserSummary>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null)
            {
                return Error.NotFound("The user");
            }

            var validator = new Validator();
            if (request.DisplayName is not null)
            {
                UserRules.CheckDisplayName(validator, request.DisplayName);
            }

            var email = UserRules.CheckEmail(validator, request.Email);
            if (request.Password is not null)
            {
                UserRules.CheckPassword(validator, request.Password);
            }

            validator.Check(request.Role is null || Enum.IsDefined(request.Role.Value), "role", "The role must be admin, supervisor or agent.");
            // An admin locking themselves out leaves nobody to undo it.
            validator.Check(
                caller.UserId != id || (request.IsActive != false && request.Role is null or Role.Admin),
                "isActive",
                "You cannot deactivate yourself or take away your own admin role.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var before = UserAudit.Snapshot(user, AuditSecret.Of(null));
            var stampChanges = false;
            if (request.DisplayName is not null)
            {
                user.DisplayName = request.DisplayName.Trim();
            }

            if (request.Email is not null)
            {
                user.Email = email;
            }

            if (request.Role is { } role && role != user.Role)
            {
                user.Role = role;
                stampChanges = true;
            }

            if (request.Password is not null)
            {
                user.PasswordHash = hasher.HashPassword(user, request.Password);
                stampChanges = true;
            }

            if (request.IsActive is { } active && active != user.IsActive)
            {
                user.IsActive = active;
                stampChanges = true;
                events.Raise(new UserActivationChanged(user.Id, active));
            }

            if (stampChanges)
            {
                user.SecurityStamp = User.NewStamp();
            }

            audit.Record("user.updated", UserAudit.Target(user), before, UserAudit.Snapshot(user, request.Password is null ? AuditSecret.Of(null) : AuditSecret.New()));
            await db.SaveChangesAsync(cancellationToken);
            return user.ToSummary();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/users/{id:guid}", async Task<Results<Ok<UserSummary>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateUser")
        .WithSummary("Change a user")
        .WithDescription("Changes name, e-mail, role, password or whether the user may log in (isActive).")
        .WithTags("Users")
        .RequireAuthorization(Policies.Admin);
}
