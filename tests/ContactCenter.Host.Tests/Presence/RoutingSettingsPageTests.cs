using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Queues.Ui;

namespace ContactCenter.Host.Tests.Presence;

/// <summary>The admin page shows the stored values, in Portuguese by default.</summary>
public abstract class RoutingSettingsPageTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task The_page_shows_the_saved_values_with_portuguese_labels()
    {
        await Host.CreateAdminClient().PutJsonAsync("/api/v1/routing/settings", new
        {
            backlogRoundSeconds = 45,
            firstResponseTimeoutSeconds = 240,
            unansweredLeadMinutes = 20,
            awayAfterDisconnectSeconds = 90,
        });

        var html = await Host.RenderAsync<RoutingSettingsPage>("admin", "pt-BR");

        Assert.Contains("Configurações de distribuição", html, StringComparison.Ordinal);
        Assert.Contains("Ausente após desconexão (segundos)", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"settings-backlog\"[^>]*value=\"45\"", html);
        Assert.Matches("data-testid=\"settings-away-after\"[^>]*value=\"90\"", html);
    }
}

public sealed class RoutingSettingsPageTestsOnSqlite() : RoutingSettingsPageTests(DatabaseKind.Sqlite);

public sealed class RoutingSettingsPageTestsOnPostgres() : RoutingSettingsPageTests(DatabaseKind.Postgres);
