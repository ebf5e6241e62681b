using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Domain;

namespace ContactCenter.Templates.Usage;

/// <summary>Every accepted template message is billed: count it once per message (saved with the step that raised it).</summary>
[RunsIn(EventPhase.Record)]
internal sealed class CountTemplateSends(ContactCenterDbContext db, TemplateMetrics metrics) : IEventHandler<TemplateMessageSent>
{
    public async Task HandleAsync(TemplateMessageSent domainEvent, CancellationToken cancellationToken)
    {
        // FindAsync looks at the unsaved rows too, so the same event twice in one unit of work counts once.
        if (await db.Set<TemplateSend>().FindAsync([domainEvent.MessageId], cancellationToken) is not null)
        {
            return;
        }

        var sentAt = DateTime.SpecifyKind(domainEvent.SentAt, DateTimeKind.Utc);
        db.Set<TemplateSend>().Add(new TemplateSend
        {
            MessageId = domainEvent.MessageId,
            TemplateId = domainEvent.TemplateId,
            ChannelAccountId = domainEvent.ChannelAccountId,
            AgentId = domainEvent.AgentId,
            TeamId = domainEvent.TeamId,
            SentAt = sentAt,
            Day = sentAt.Date,
        });
        await metrics.SentAsync(db, domainEvent.TemplateId, cancellationToken);
    }
}
