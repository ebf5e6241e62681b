using System.Globalization;
using System.Net;
using System.Security.Claims;
using ContactCenter.Channels.Ui;
using ContactCenter.Host.Access;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>The admin page over the real handlers, rendered to HTML in both languages.</summary>
public abstract class InboxFailuresPageTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task The_page_lists_failed_webhooks_with_their_account_and_reason_in_portuguese_and_english()
    {
        await Host.CreateUserAsync("chefe", "admin");
        var empty = await RenderAsync("chefe", "en");
        Assert.Contains("No failed webhooks.", empty, StringComparison.Ordinal);

        var account = await CreateAccountAsync("Plantão Vendas");
        await PostWebhookAsync(account, "{ not json");
        await ProcessAsync();
        var id = (string?)Assert.Single(await FailuresAsync())!["id"];

        var portuguese = await RenderAsync("chefe", "pt-BR");
        Assert.Contains("Falhas de webhook", portuguese, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"inbox-failure-row-{id}\"", portuguese, StringComparison.Ordinal);
        Assert.Contains("Plantão Vendas", portuguese, StringComparison.Ordinal);
        Assert.Contains("Reprocessar", portuguese, StringComparison.Ordinal);
        Assert.Contains("Webhook failures", await RenderAsync("chefe", "en"), StringComparison.Ordinal);
    }

    private async Task<string> RenderAsync(string userName, string culture)
    {
        using var scope = Host.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindUserByNameAsync(userName, default))!;
        var principal = Principals.ForUser(user.Id, user.DisplayName, user.Role, "stamp", "test");
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton<IUseCases>(new UseCasesAs(Host.Services, principal))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return WebUtility.HtmlDecode((await renderer.RenderComponentAsync<InboxFailuresPage>()).ToHtmlString());
        });
    }

    private sealed class UseCasesAs(IServiceProvider root, ClaimsPrincipal principal) : IUseCases
    {
        public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
            where THandler : notnull
        {
            await using var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}

public sealed class InboxFailuresPageTestsOnSqlite() : InboxFailuresPageTests(DatabaseKind.Sqlite);

public sealed class InboxFailuresPageTestsOnPostgres() : InboxFailuresPageTests(DatabaseKind.Postgres);
