using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

internal static class UpdateContact
{
    /// <summary>The whole editable profile: empty e-mail or CPF clears it; the team may be set only while there is none.</summary>
    internal sealed record Request(string? Name, string? Email, string? Cpf, Guid? TeamId);

    internal sealed class Handler(
        ContactCenterDbContext db, ContactVisibility visibility, ContactViews views, ContactTimeline timeline, Names names, ICurrentUser caller, TimeProvider clock)
    {
        public async Task<Result<ContactDto>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var contacts = await visibility.ApplyAsync(db.Set<Contact>(), cancellationToken);
            var contact = await contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (contact is null)
            {
                return Error.NotFound("The contact");
            }

            var validator = new Validator();
            var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
            validator.Check(name is null || name.Length <= 200, "name", "The name may have at most 200 characters.");
            var email = default(EmailAddress?);
            if (!string.IsNullOrWhiteSpace(request.Email))
            {
                validator.Check(EmailAddress.TryParse(request.Email, out var parsed), "email", "Type a valid e-mail address, e.g. maria@example.com.");
                email = parsed;
            }

            var cpf = default(Cpf?);
            if (!string.IsNullOrWhiteSpace(request.Cpf))
            {
                validator.Check(Cpf.TryParse(request.Cpf, out var parsed), "cpf", "The CPF is not valid: check its 11 digits.");
                cpf = parsed;
            }

            var team = request.TeamId is { } teamId ? await names.TeamAsync(teamId, cancellationToken) : null;
            validator.Check(request.TeamId is null || team is not null, "teamId", "There is no such team.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            if (team is not null && contact.TeamId is { } current && current != team.Id)
            {
                return Error.Conflict("contact_in_another_team",
                    $"{contact.Describe()} already belongs to the team {await names.TeamNameAsync(current, cancellationToken)}, and a contact belongs to one team: " +
                    "transfer the contact instead.");
            }

            if (email is { } e && e.Value != contact.Email
                && await db.Set<Contact>().FirstOrDefaultAsync(c => c.Email == e.Value && c.Id != contact.Id, cancellationToken) is { } owner)
            {
                return Error.Conflict("email_taken", $"The e-mail {e} already belongs to {owner.Describe()}.");
            }

            var changed = new List<string>();
            Set(contact.Name, name, v => contact.Name = v, "name", changed);
            Set(contact.Email, email?.Value, v => contact.Email = v, "e-mail", changed);
            Set(contact.Cpf, cpf?.Digits, v => contact.Cpf = v, "CPF", changed);
            if (team is not null && contact.TeamId is null)
            {
                contact.TeamId = team.Id;
                changed.Add($"team ({team.Name})");
            }

            if (changed.Count > 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                contact.UpdatedAt = now;
                timeline.Add(contact.Id, now, TimelineKinds.ContactUpdated,
                    $"{caller.DisplayName ?? "Someone"} changed the {string.Join(", ", changed)}.", agentId: caller.IsApiKey ? null : caller.UserId);
                await db.SaveChangesAsync(cancellationToken);
            }

            return await views.DetailAsync(contact, cancellationToken);
        }

        private static void Set(string? current, string? value, Action<string?> set, string label, List<string> changed)
        {
            if (current != value)
            {
                set(value);
                changed.Add(label);
            }
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/contacts/{id:guid}", async Task<Results<Ok<ContactDto>, ProblemHttpResult>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateContact")
        .WithSummary("Edit a contact")
        .WithDescription("name, email (unique: 409 email_taken), cpf (checksum-validated) and teamId. A contact belongs to one team: " +
            "setting another team than the one it has is refused with 409 contact_in_another_team (transfer it instead). The timeline records the change.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
