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

internal static class CreateUser
{
    internal sealed record Request(string? UserName, string? DisplayName, string? Email, string? Password, Role Role = Role.Agent);

    internal sealed class Handler(
        ContactCenterDbContext db,
        IPasswordHasher<User> hasher,
        TimeProvider clock,
        IDomainEvents events,
        IAuditLog audit)
    {
        public async Task<Result<UserSummary>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            UserRules.CheckUserName(validator, request.UserName);
            UserRules.CheckDisplayName(validator, request.DisplayName);
            var email = UserRules.CheckEmail(validator, request.Email);
            UserRules.CheckPassword(validator, request.Password);
            validator.Check(Enum.IsDefined(request.Role), "role", "The role must be admin, supervisor or agent.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var userName = UserRules.NormalizeUserName(request.UserName!);
            if (await db.Set<User>().AnyAsync(u => u.UserName == userName, cancellationToken))
            {
                return Error.Conflict("user_name_taken", $"The login name '{userName}' is already in use.");
            }

            var user = new User
            {
                UserName = userName,
                DisplayName = request.DisplayName!.Trim(),
                Email = email,
                Role = request.Role,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
            db.Set<User>().Add(user);
            events.Raise(new UserCreated(user.Id, user.UserName, user.DisplayName, user.Role));
            audit.Record("user.created", UserAudit.Target(user), after: UserAudit.Snapshot(user, AuditSecret.New()));
            await db.SaveChangesAsync(cancellationToken);
            return user.ToSummary();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/users", async Task<Results<Created<UserSummary>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(user => TypedResults.Created($"/api/v1/users/{user.Id}", user)))
        .WithName("CreateUser")
        .WithSummary("Create a user")
        .WithDescription("Creates an admin, supervisor or agent who logs in with the given login name and password.")
        .WithTags("Users")
        .RequireAuthorization(Policies.Admin);
}
