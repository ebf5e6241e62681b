using System.Globalization;
using System.Reflection;
using ContactCenter.Host.Components;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;

namespace ContactCenter.Host.Ui;

internal static class WebUiSetup
{
    /// <summary>pt-BR first: it is the default for the teams the product is made for.</summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [new("pt-BR"), new("en")];

    /// <summary>The bundled Blazor web UI (interactive server rendering), pt-BR by default.</summary>
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        // Outside Development too: running the build output (dotnet run, tests) serves wwwroot and the
        // build-compressed files from where the build left them. A published app has no such manifest: no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        // Registered after the server components so it replaces their provider: circuits re-check the session.
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        builder.Services.AddScoped<IUseCases, CircuitUseCases>();
        builder.Services.AddSingleton<BrowserConnections>();
        builder.Services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "cc.antiforgery");
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = [.. Cultures];
            o.SupportedUICultures = [.. Cultures];
            // Only the user's explicit choice: a browser set to English must not flip a Brazilian team's UI.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void MapWebUi(this WebApplication app, IReadOnlyList<IContactCenterModule> modules)
    {
        // After authentication (PipelineSetup), before the endpoints: antiforgery reads the signed-in user.
        app.UseRequestLocalization();
        app.UseAntiforgery();
        // Pages, files and the circuit hub are not API operations: kept out of the OpenAPI document.
        app.MapStaticAssets().ExcludeFromDescription();
        app.MapFavicon(app.Environment);
        CultureEndpoint.Map(app);
        AccountEndpoints.Map(app);
        // Only the pages' own routes are mapped (no catch-all), so /api, /swagger, /health and /webhooks stay theirs.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(ServerRenderMode)
            .AddAdditionalAssemblies([.. UiAssemblies(modules)])
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Every open page is one circuit on one WebSocket held for the agent's whole shift, so what a connection keeps is
    /// multiplied by the connected agents (issue 10: 1,000 on a node). Per-message deflate keeps a zlib compressor and
    /// decompressor per connection (hundreds of KiB of native memory each) and spends CPU on every render batch, to
    /// save bandwidth that an on-premises LAN does not lack; the render batches go uncompressed instead
    /// (bench/results/2026-12-09-circuit/ measured it). With compression off Blazor also drops the
    /// <c>frame-ancestors 'self'</c> header it sends to guard compressed frames; SecurityHeaders sends its own.
    /// </summary>
    private static void ServerRenderMode(ServerComponentsEndpointOptions options) => options.DisableWebSocketCompression = true;

    /// <summary>The modules' page assemblies (the host's own is the app assembly, listed once).</summary>
    public static IEnumerable<Assembly> UiAssemblies(IEnumerable<IContactCenterModule> modules) =>
        modules.Select(m => m.UiAssembly)
            .OfType<Assembly>()
            .Where(a => a != typeof(App).Assembly)
            .Distinct();
}
