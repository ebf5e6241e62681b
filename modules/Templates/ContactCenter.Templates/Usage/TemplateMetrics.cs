using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ContactCenter.Kernel.Data;
using ContactCenter.Templates.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Usage;

/// <summary>Billable template sends on <c>/metrics</c> (meter <c>ContactCenter.Templates</c>), per template name.</summary>
internal sealed class TemplateMetrics
{
    public const string MeterName = "ContactCenter.Templates";

    private readonly Counter<long> sent;
    private readonly ConcurrentDictionary<Guid, string> names = new();

    public TemplateMetrics(IMeterFactory meters) =>
        sent = meters.Create(MeterName).CreateCounter<long>("contactcenter.templates.sent", "{message}", "Template messages the provider accepted (each one billed), per template.");

    public async Task SentAsync(ContactCenterDbContext db, Guid templateId, CancellationToken cancellationToken)
    {
        if (!names.TryGetValue(templateId, out var name))
        {
            name = await db.Set<Template>().AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? "unknown";
            names[templateId] = name;
        }

        sent.Add(1, new KeyValuePair<string, object?>("template", name));
    }
}
