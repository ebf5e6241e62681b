using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using ContactCenter.Templates.Domain;
using ContactCenter.Templates.Manage;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Seeding;

/// <summary>An approved template on the demo sandbox channel, so the demo day can re-open a closed 24-hour window.</summary>
internal sealed class DemoTemplatesSeeder(ContactCenterDbContext db, IChannelsApi channels, TimeProvider clock) : IStartupSeeder
{
    public const string Name = "retomada_atendimento";

    public int Order => 60;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemoData || await db.Set<Template>().AnyAsync(cancellationToken))
        {
            return;
        }

        var sandbox = (await channels.ListAccountsAsync(cancellationToken)).FirstOrDefault(a => a.PluginId == "sandbox");
        if (sandbox is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var template = new Template
        {
            ChannelAccountId = sandbox.Id,
            Name = Name,
            Language = "pt_BR",
            Category = "utility",
            Body = string.Empty,
            CreatedAt = now,
        };
        template.Apply(new TemplateRequest(sandbox.Id, Name, "pt_BR", "utility", null, null,
            "Olá {{1}}, aqui é da {{2}}. Podemos continuar seu atendimento?", ["Maria", "Imobiliária Demo"], null, ["Sim, vamos continuar"],
            new Dictionary<string, string> { ["body:1"] = "contact.name" }), now);
        template.Status = TemplateStatuses.Approved;
        template.StatusChangedAt = now;
        template.ProviderTemplateId = "sandbox-demo-" + Name;
        db.Set<Template>().Add(template);
        await db.SaveChangesAsync(cancellationToken);
        context.Report.Add($"  Demo template: {Name} (pt_BR, approved) on {sandbox.Name}.");
    }
}
