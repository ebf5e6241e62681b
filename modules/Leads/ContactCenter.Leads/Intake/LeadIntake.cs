using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Temperature;
using ContactCenter.Leads.Timeline;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Intake;

/// <summary>What a form, an integration or an agent typed for a lead.</summary>
internal sealed record LeadInput(
    Guid? ProductId, string? ProductSlug, string? Name, string? Email, string? Phone, string? Cpf, Guid? ContactId = null);

/// <summary>
/// Takes a lead in: validates it, finds the contact (by e-mail first: that decides new vs returning; else by phone,
/// which makes a known phone with another e-mail a returning contact, with the reason in plain words), keeps the
/// contact in ONE team, gives the lead its code and WhatsApp deadline and writes the timeline. The caller saves.
/// </summary>
internal sealed class LeadIntake(
    ContactCenterDbContext db, TimeProvider clock, IQueuesApi queues, Names names, ContactTimeline timeline, ContactMerger merger, WhatsAppLinks links,
    Thermometer thermometer, PhoneNumberReader phoneNumbers)
{
    /// <summary>
    /// <paramref name="keepTeamOnConflict"/>: the public form never shows a visitor an internal refusal; a contact of
    /// another team keeps its team and the lead goes with it (the timeline says so). The API and agents get a 409.
    /// </summary>
    public async Task<Result<LeadCreatedDto>> TakeAsync(
        LeadInput input, string source, bool keepTeamOnConflict, Contact? given, string? byWhom, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var product = await ProductAsync(input, validator, cancellationToken);
        var name = input.Name?.Trim();
        validator.Require("name", name, "Type the person's name.");
        validator.Check(name is null || name.Length <= 200, "name", "The name may have at most 200 characters.");
        validator.Check(EmailAddress.TryParse(input.Email, out var email), "email", "Type a valid e-mail address, e.g. maria@example.com.");
        // Without a typed number the contact's stored one stands (E.164 digits, or the address a channel gave).
        var phone = string.IsNullOrWhiteSpace(input.Phone) && given?.Phone is { Length: > 0 } known ? known : null;
        if (phone is null)
        {
            validator.Check(phoneNumbers.TryParse(input.Phone, out var typed), "phone", "Type the phone with the area code, e.g. (11) 99999-0000 or +55 11 99999-0000.");
            phone = typed.Digits;
        }

        var cpf = default(Cpf?);
        if (!string.IsNullOrWhiteSpace(input.Cpf))
        {
            validator.Check(Cpf.TryParse(input.Cpf, out var parsed), "cpf", "The CPF is not valid: check its 11 digits.");
            cpf = parsed;
        }

        if (!validator.IsValid || product is null)
        {
            return validator.ToError();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var contacts = db.Set<Contact>();
        var byEmail = await contacts.FirstOrDefaultAsync(c => c.Email == email.Value, cancellationToken);
        var byPhone = await contacts.FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);

        // Who the person is, and whether they are returning (and why, in words an agent repeats on the phone).
        Contact contact;
        Contact? mergeAway = null;
        string? reason = null;
        if (given is not null)
        {
            contact = given;
            if (byEmail is not null && byEmail.Id != given.Id)
            {
                mergeAway = byEmail;
                reason = $"The e-mail {email} already belongs to {byEmail.Describe()}; both are now one contact.";
            }
            else if (given.Email == email.Value)
            {
                reason = $"The e-mail {email} is already known for this contact.";
            }
            else if (given.Email is not null)
            {
                reason = $"This contact already has the e-mail {given.Email}.";
            }
        }
        else if (byEmail is not null)
        {
            contact = byEmail;
            reason = $"The e-mail {email} already belongs to {byEmail.Describe()} (since {byEmail.CreatedAt:yyyy-MM-dd}).";
        }
        else if (byPhone is not null)
        {
            contact = byPhone;
            reason = byPhone.Email is not null
                ? $"This phone already belongs to {byPhone.Describe()}."
                : await HasHistoryAsync(byPhone.Id, cancellationToken)
                    ? $"This phone has contacted us before as {byPhone.DisplayName ?? byPhone.Phone}."
                    : null;
        }
        else
        {
            contact = new Contact { Phone = phone, CreatedAt = now };
            contacts.Add(contact);
        }

        // ONE team per contact: the team it already has (or the merged one's) wins over the product's.
        var contactTeam = mergeAway?.TeamId ?? contact.TeamId;
        var teamNote = default(string);
        if (contactTeam is { } existing && existing != product.TeamId)
        {
            var teamName = await names.TeamNameAsync(existing, cancellationToken);
            if (!keepTeamOnConflict)
            {
                return Error.Conflict(
                    "contact_in_another_team",
                    $"{(mergeAway ?? contact).Describe()} already belongs to the team {teamName}, and a contact belongs to one team. " +
                    $"Transfer the contact to the team {await names.TeamNameAsync(product.TeamId, cancellationToken)} first, or take the lead for a product of {teamName}.");
            }

            teamNote = $"The contact belongs to the team {teamName}, so the lead for {product.Name} stays with {teamName}.";
        }

        if (mergeAway is not null)
        {
            await merger.MergeAsync(contact, mergeAway, now, cancellationToken);
        }

        contact.TeamId ??= product.TeamId;
        contact.Name ??= name;
        if (contact.Email is null && (byEmail is null || byEmail == mergeAway))
        {
            contact.Email = email.Value;
        }

        contact.Cpf ??= cpf?.Digits;
        if (contact.Phone is null && byPhone is null)
        {
            contact.Phone = phone;
        }

        contact.UpdatedAt = now;

        var settings = await queues.GetRoutingSettingsAsync(cancellationToken);
        var lead = new Lead
        {
            ContactId = contact.Id,
            ProductId = product.Id,
            Source = source,
            Code = await NewCodeAsync(cancellationToken),
            Name = name,
            Email = email.Value,
            Phone = phone,
            IsReturning = reason is not null,
            ReturningReason = reason,
            CreatedAt = now,
            WhatsAppDueAt = now.AddMinutes(settings.UnansweredLeadMinutes),
            // Added from a WhatsApp conversation: the person is on WhatsApp already, no task will be needed.
            ReachedWhatsAppAt = source == LeadSources.WhatsApp ? now : null,
        };
        db.Set<Lead>().Add(lead);

        var from = source switch
        {
            LeadSources.Form => "the public form",
            _ when byWhom is not null => $"{byWhom} (from a WhatsApp conversation)",
            _ => "the API",
        };
        timeline.Add(contact.Id, now, TimelineKinds.LeadReceived,
            $"Lead #{lead.Code} received from {from} for {product.Name}.", new { lead.Code, source, productName = product.Name }, productId: product.Id);
        if (reason is not null)
        {
            timeline.Add(contact.Id, now, TimelineKinds.ReturningNotice, $"Returning contact: {reason}", productId: product.Id);
        }

        if (teamNote is not null)
        {
            timeline.Add(contact.Id, now, TimelineKinds.LeadReceived, teamNote, productId: product.Id);
        }

        thermometer.Raise(contact, thermometer.Options.NewLead, Thermometer.NewLeadRule, now);
        var (url, note) = await links.BuildAsync(contact.TeamId, product.Name, lead.Code, phone, name, cancellationToken);
        return new LeadCreatedDto(
            lead.Id, contact.Id, lead.Code, product.Id, product.Name, contact.TeamId, lead.IsReturning, reason, url, note, now, lead.WhatsAppDueAt);
    }

    private async Task<ProductDto?> ProductAsync(LeadInput input, Validator validator, CancellationToken cancellationToken)
    {
        var field = input.ProductId is null && !string.IsNullOrWhiteSpace(input.ProductSlug) ? "productSlug" : "productId";
        var product = input.ProductId is { } id
            ? await queues.FindProductAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(input.ProductSlug) ? null : await queues.FindProductBySlugAsync(input.ProductSlug.Trim(), cancellationToken);
        if (input.ProductId is null && string.IsNullOrWhiteSpace(input.ProductSlug))
        {
            validator.Add(field, "Choose the product the person is interested in (productId or productSlug).");
        }
        else if (product is null)
        {
            validator.Add(field, "There is no such product.");
        }
        else if (!product.IsActive)
        {
            validator.Add(field, $"The product {product.Name} is not active.");
            return null;
        }

        return product;
    }

    /// <summary>
    /// Brazilians type "(11) 99999-0000": ten or eleven digits without a leading '+' are a Brazilian number (area code
    /// and number), so +55 goes in front; WhatsApp knows the person by the full E.164 number.
    /// </summary>
    private async Task<bool> HasHistoryAsync(Guid contactId, CancellationToken cancellationToken) =>
        await db.Set<Lead>().AnyAsync(l => l.ContactId == contactId, cancellationToken)
        || await db.Set<TimelineEntry>().AnyAsync(e => e.ContactId == contactId && e.Kind == TimelineKinds.WhatsAppArrival, cancellationToken);

    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = LeadCodes.New();
            if (!await db.Set<Lead>().AnyAsync(l => l.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
