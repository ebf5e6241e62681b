using ContactCenter.Channels.Ui;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>The admin page over the real handlers, rendered to HTML in both languages.</summary>
public abstract class InboxFailuresPageTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task The_page_lists_failed_webhooks_with_their_account_and_reason_in_portuguese_and_english()
    {
        await Host.CreateUserAsync("chefe", "admin");
        var empty = await Host.RenderAsync<InboxFailuresPage>("chefe", "en");
        Assert.Contains("No failed webhooks.", empty, StringComparison.Ordinal);

        var account = await CreateAccountAsync("Plantão Vendas");
        await PostWebhookAsync(account, "{ not json");
        await ProcessAsync();
        var id = (string?)Assert.Single(await FailuresAsync())!["id"];

        var portuguese = await Host.RenderAsync<InboxFailuresPage>("chefe", "pt-BR");
        Assert.Contains("Falhas de webhook", portuguese, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"inbox-failure-row-{id}\"", portuguese, StringComparison.Ordinal);
        Assert.Contains("Plantão Vendas", portuguese, StringComparison.Ordinal);
        Assert.Contains("Reprocessar", portuguese, StringComparison.Ordinal);
        Assert.Contains("Webhook failures", await Host.RenderAsync<InboxFailuresPage>("chefe", "en"), StringComparison.Ordinal);
    }
}

public sealed class InboxFailuresPageTestsOnSqlite() : InboxFailuresPageTests(DatabaseKind.Sqlite);

public sealed class InboxFailuresPageTestsOnPostgres() : InboxFailuresPageTests(DatabaseKind.Postgres);
