using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads;

internal sealed class ContactsApi(ContactBook book, ArrivalMatcher arrivals, ContactCenterDbContext db) : IContactsApi
{
    public async Task<InboundContact> UpsertAsync(InboundSender sender, CancellationToken cancellationToken)
    {
        var contact = await book.UpsertAsync(sender, cancellationToken);
        return new InboundContact(contact.Id, contact.DisplayName, contact.Phone, db.Entry(contact).State == EntityState.Added);
    }

    public Task<IReadOnlyCollection<Guid>> PreloadAsync(IReadOnlyCollection<InboundSender> senders, CancellationToken cancellationToken) =>
        book.PreloadAsync(senders, cancellationToken);

    public Task PrepareArrivalsAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken) =>
        arrivals.PrepareAsync(contactIds, cancellationToken);

    public Task<Arrival> RecordArrivalAsync(
        Guid contactId, Guid channelAccountId, Guid conversationId, string? firstText, DateTime at, CancellationToken cancellationToken) =>
        arrivals.RecordAsync(contactId, conversationId, firstText, at, cancellationToken);

    public async Task<OutreachContact> PrepareOutreachAsync(OutreachTarget target, CancellationToken cancellationToken)
    {
        var contact = await book.UpsertAsync(new InboundSender(target.Phone, null, null), cancellationToken);
        // What the agent typed is what they know now: it replaces an older name or CPF.
        if (target.Name is { Length: > 0 } name)
        {
            contact.Name = name;
        }

        if (target.Cpf is { Length: > 0 } cpf)
        {
            contact.Cpf = cpf;
        }

        var productId = await db.Set<Lead>()
            .Where(l => l.ContactId == contact.Id)
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => (Guid?)l.ProductId)
            .FirstOrDefaultAsync(cancellationToken);
        return new OutreachContact(new InboundContact(contact.Id, contact.DisplayName, contact.Phone), productId, contact.TeamId, contact.OwnerAgentId);
    }
}
