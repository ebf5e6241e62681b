using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Leads.Tasks;
using ContactCenter.Leads.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>The Leads pages rendered to HTML over the real handlers and the demo data, in both languages.</summary>
public abstract class LeadsPagesRenderTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task Contacts_my_tasks_and_add_as_lead_render_with_their_data()
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/leads", new
        {
            productSlug = "residencial-jardim-das-flores",
            name = "Maria Render",
            email = "maria.render@example.com",
            phone = "5511900001234",
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        Host.Clock.Advance(TimeSpan.FromMinutes(16));
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UnansweredLeads>().RunDueAsync();
        }

        var contacts = await Host.RenderAsync<ContactsPage>("admin", "pt-BR");
        Assert.Contains("<h1>Contatos</h1>", contacts, StringComparison.Ordinal);
        Assert.Contains("Maria Render", contacts, StringComparison.Ordinal);

        var tasks = await Host.RenderAsync<TasksPage>("admin", "en");
        Assert.Contains("<h1>My tasks</h1>", tasks, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"task-row\"", tasks, StringComparison.Ordinal);
        Assert.Contains("5511900001234", tasks, StringComparison.Ordinal);

        var addLead = await Host.RenderAsync<NewLeadPage>("ana", "pt-BR");
        Assert.Contains("Adicionar como lead", addLead, StringComparison.Ordinal);
        Assert.Contains("Residencial Jardim das Flores", addLead, StringComparison.Ordinal);
    }
}

public sealed class LeadsPagesRenderTestsOnSqlite() : LeadsPagesRenderTests(DatabaseKind.Sqlite);

public sealed class LeadsPagesRenderTestsOnPostgres() : LeadsPagesRenderTests(DatabaseKind.Postgres);
