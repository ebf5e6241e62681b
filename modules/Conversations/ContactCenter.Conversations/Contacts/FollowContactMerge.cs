using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Contacts;

/// <summary>
/// A form contact turned out to be a WhatsApp sender (the lead code matched): their earlier conversations follow the
/// contact that remains, so the thread, the timeline and the owner agent all name one person.
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class FollowContactMerge(ContactCenterDbContext db) : IEventHandler<ContactsMerged>
{
    public async Task HandleAsync(ContactsMerged merged, CancellationToken cancellationToken)
    {
        // The conversation being opened already names the kept (WhatsApp) contact; only stored ones can name the other.
        var conversations = await db.Set<Conversation>().Where(c => c.ContactId == merged.RemovedContactId).ToListAsync(cancellationToken);
        foreach (var conversation in conversations)
        {
            conversation.ContactId = merged.KeptContactId;
        }
    }
}
