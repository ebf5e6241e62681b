using ContactCenter.Channels.Ui;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>Renders the admin outbox page to HTML over the real handlers (no browser).</summary>
public abstract class OutboxPageTests(DatabaseKind kind) : OutboxTest(kind)
{
    [Fact]
    public async Task The_outbox_page_shows_a_failure_in_plain_portuguese_without_a_retry_for_a_closed_window()
    {
        Respond = _ => GraphError(400, 131047, "Re-engagement message");
        await EnqueueAsync();
        await DrainAsync();

        var html = await Node.Services.RenderAsync<OutboxPage>(null, "pt-BR");

        Assert.Contains("Fila de envio", html, StringComparison.Ordinal);
        Assert.Single(html.Split("data-testid=\"outbox-row\"").Skip(1));
        Assert.Contains("A janela de 24 horas está fechada: envie um modelo aprovado.", html, StringComparison.Ordinal);
        Assert.Contains("131047", html, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox-retry", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_page_offers_a_retry_for_a_message_that_gave_up_in_english()
    {
        Respond = _ => GraphError(503, 131016, "Service unavailable");
        await EnqueueAsync();
        for (var i = 0; i < 11; i++)
        {
            await DrainAsync();
            Host.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        var html = await Node.Services.RenderAsync<OutboxPage>(null, "en");

        Assert.Contains("The channel could not be reached after several attempts.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"outbox-retry\"", html, StringComparison.Ordinal);
        Assert.Contains("Send again", html, StringComparison.Ordinal);
    }
}

public sealed class OutboxPageTestsOnSqlite() : OutboxPageTests(DatabaseKind.Sqlite);

public sealed class OutboxPageTestsOnPostgres() : OutboxPageTests(DatabaseKind.Postgres);
