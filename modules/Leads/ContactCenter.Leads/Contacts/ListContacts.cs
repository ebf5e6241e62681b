using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

internal static class ListContacts
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    internal sealed record Query(string? Search = null, string? Cursor = null, int? Limit = null);

    internal sealed class Handler(ContactCenterDbContext db, ContactVisibility visibility, PhoneNumberReader phoneNumbers)
    {
        public async Task<Result<ContactPage>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var validator = new Validator();
            var after = default(Guid?);
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                validator.Check(Guid.TryParseExact(query.Cursor, "N", out var decoded), "cursor", "Use the nextCursor of a previous page.");
                after = decoded;
            }

            validator.Check(query.Limit is null or >= 1 and <= MaxLimit, "limit", $"Ask for 1 to {MaxLimit} items.");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var contacts = await visibility.ApplyAsync(db.Set<Contact>().AsNoTracking(), cancellationToken);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var lower = query.Search.Trim().ToLowerInvariant();
                var digits = phoneNumbers.SearchDigits(query.Search);
                contacts = contacts.Where(c =>
                    (c.Name != null && c.Name.ToLower().Contains(lower))
                    || (c.ProfileName != null && c.ProfileName.ToLower().Contains(lower))
                    || (c.Email != null && c.Email.Contains(lower))
                    || (digits.Length > 0 && c.Phone != null && c.Phone.Contains(digits)));
            }

            // Newest first by id (Guid v7 grows with time): a keyset that new contacts never shift.
            if (after is { } last)
            {
                contacts = contacts.Where(c => c.Id.CompareTo(last) < 0);
            }

            var limit = query.Limit ?? DefaultLimit;
            var rows = await contacts.OrderByDescending(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();
            return new ContactPage(page.Select(ContactViews.Summary).ToList(), rows.Count > limit ? page[^1].Id.ToString("N") : null);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/contacts", async Task<Results<Ok<ContactPage>, ProblemHttpResult>> ([AsParameters] Query query, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(query, ct)).ToHttp(TypedResults.Ok))
        .WithName("ListContacts")
        .WithSummary("List contacts")
        .WithDescription("Newest first; search matches the name, WhatsApp profile name, e-mail or phone. Agents see the contacts they own " +
            "and those of their teams; supervisors and admins all. Pass nextCursor as cursor for the next page.")
        .WithTags("Contacts")
        .RequireAuthorization(Policies.Agent);
}
