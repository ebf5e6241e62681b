using System.Globalization;
using System.Net;
using ContactCenter.Channels.Ui;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

        var html = await RenderAsync("pt-BR");

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

        var html = await RenderAsync("en");

        Assert.Contains("The channel could not be reached after several attempts.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"outbox-retry\"", html, StringComparison.Ordinal);
        Assert.Contains("Send again", html, StringComparison.Ordinal);
    }

    private async Task<string> RenderAsync(string culture)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton<IUseCases>(new ScopedUseCases(Node.Services))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return WebUtility.HtmlDecode((await renderer.RenderComponentAsync<OutboxPage>()).ToHtmlString());
        });
    }

    /// <summary>A fresh scope per use case, as the UI shell does (these handlers do not read the current user).</summary>
    private sealed class ScopedUseCases(IServiceProvider root) : IUseCases
    {
        public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
            where THandler : notnull
        {
            await using var scope = root.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}

public sealed class OutboxPageTestsOnSqlite() : OutboxPageTests(DatabaseKind.Sqlite);

public sealed class OutboxPageTestsOnPostgres() : OutboxPageTests(DatabaseKind.Postgres);
