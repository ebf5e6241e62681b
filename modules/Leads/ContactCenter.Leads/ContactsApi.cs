using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;

namespace ContactCenter.Leads;

internal sealed class ContactsApi(ContactBook book, ArrivalMatcher arrivals) : IContactsApi
{
    public async Task<InboundContact> UpsertAsync(InboundSender sender, CancellationToken cancellationToken)
    {
        var contact = await book.UpsertAsync(sender, cancellationToken);
        return new InboundContact(contact.Id, contact.DisplayName, contact.Phone);
    }

    public Task<Arrival> RecordArrivalAsync(
        Guid contactId, Guid channelAccountId, Guid conversationId, string? firstText, DateTime at, CancellationToken cancellationToken) =>
        arrivals.RecordAsync(contactId, conversationId, firstText, at, cancellationToken);
}
