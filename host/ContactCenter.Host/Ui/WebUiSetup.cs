using ContactCenter.Kernel.Modules;

namespace ContactCenter.Host.Ui;

internal static class WebUiSetup
{
    /// <summary>The bundled Blazor web UI (interactive server rendering), pt-BR by default.</summary>
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapWebUi(this WebApplication app, IReadOnlyList<IContactCenterModule> modules)
    {
        _ = app;
        _ = modules;
    }
}
