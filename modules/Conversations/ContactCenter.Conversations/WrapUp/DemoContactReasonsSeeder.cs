using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.WrapUp;

/// <summary>The reasons a Brazilian sales and support desk finishes with, so the demo's finish dialog has a list.</summary>
internal sealed class DemoContactReasonsSeeder(ContactCenterDbContext db, TimeProvider clock) : IStartupSeeder
{
    private static readonly string[] Names =
        ["Venda realizada", "Visita agendada", "Dúvida respondida", "Sem interesse", "Contato inválido", "Encaminhado a outro setor"];

    public int Order => 70;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemoData || await db.Set<ContactReason>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<ContactReason>().AddRange(Names.Select(name => new ContactReason { Name = name, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        context.Report.Add($"  Demo contact reasons: {string.Join(", ", Names)}.");
    }
}
