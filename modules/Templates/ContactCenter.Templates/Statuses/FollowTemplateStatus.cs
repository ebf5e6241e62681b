using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Statuses;

/// <summary>
/// The provider's review, from the message_template_status_update webhook (saved by the inbox processor). Found by
/// the provider's id, else by name and language on the account; an older event than the last change is ignored
/// (webhooks arrive out of order).
/// </summary>
[RunsIn(EventPhase.Record)]
internal sealed class FollowTemplateStatus(ContactCenterDbContext db) : IEventHandler<TemplateStatusReceived>
{
    public async Task HandleAsync(TemplateStatusReceived domainEvent, CancellationToken cancellationToken)
    {
        if (TemplateStatuses.FromProvider(domainEvent.Status) is not { } status)
        {
            return;
        }

        var templates = db.Set<Template>().Where(t => t.ChannelAccountId == domainEvent.ChannelAccountId);
        var template = await templates.FirstOrDefaultAsync(t => t.ProviderTemplateId == domainEvent.ProviderTemplateId, cancellationToken)
            ?? (domainEvent.Name is { } name && domainEvent.Language is { } language
                ? await templates.FirstOrDefaultAsync(t => t.Name == name && t.Language == language, cancellationToken)
                : null);
        if (template is null || (template.StatusChangedAt is { } last && last > domainEvent.OccurredAt))
        {
            return;
        }

        template.ProviderTemplateId ??= domainEvent.ProviderTemplateId;
        template.Status = status;
        template.Reason = status is TemplateStatuses.Approved or TemplateStatuses.Pending ? null : Truncate(domainEvent.Reason);
        template.StatusChangedAt = domainEvent.OccurredAt;
    }

    private static string? Truncate(string? reason) => reason is { Length: > 1000 } ? reason[..1000] : reason;
}
