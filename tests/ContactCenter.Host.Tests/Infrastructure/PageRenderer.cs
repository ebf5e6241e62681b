using System.Globalization;
using System.Net;
using System.Security.Claims;
using ContactCenter.Host.Access;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Host.Tests.Infrastructure;

/// <summary>
/// Renders a module's page to HTML over the real handlers, as a given user and in a given language, the way
/// the UI shell runs it (each use case in a fresh scope whose current user is the circuit's).
/// </summary>
public static class PageRenderer
{
    public static async Task<string> RenderAsync<TComponent>(
        this TestHost host, string userName, string culture, IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        using var scope = host.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindUserByNameAsync(userName, default))!;
        return await host.Services.RenderAsync<TComponent>(Principals.ForUser(user.Id, user.DisplayName, user.Role, "stamp", "test"), culture, parameters);
    }

    public static async Task<string> RenderAsync<TComponent>(
        this IServiceProvider root, ClaimsPrincipal? principal, string culture, IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton<IUseCases>(new UseCasesAs(root, principal))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Both, as request localization does: texts follow the UI culture, dates and numbers the culture.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            // Decoded, so assertions read as people do (the encoder escapes accents).
            return WebUtility.HtmlDecode((await renderer.RenderComponentAsync<TComponent>(
                parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters))).ToHtmlString());
        });
    }

    private sealed class UseCasesAs(IServiceProvider root, ClaimsPrincipal? principal) : IUseCases
    {
        public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
            where THandler : notnull
        {
            await using var scope = root.CreateAsyncScope();
            if (principal is not null)
            {
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
            }

            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}
