using Microsoft.Extensions.Hosting.WindowsServices;

namespace ContactCenter.Host.Setup;

/// <summary>
/// Lets the host run as a Windows service without a wrapper (docs/install-windows-sqlserver.md). Anywhere else — a
/// console, systemd, the tests — none of this does anything.
/// </summary>
internal static class WindowsServiceSetup
{
    /// <summary>
    /// The builder's options: the Service Control Manager starts services in System32, so under it the content root
    /// (appsettings.json) and the working directory (the default <c>./data</c>) become the install folder.
    /// </summary>
    public static WebApplicationOptions BuilderOptions(string[] args)
    {
        if (!WindowsServiceHelpers.IsWindowsService())
        {
            return new WebApplicationOptions { Args = args };
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        return new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory };
    }

    /// <summary>Answers the Service Control Manager (started once the host is ready, a graceful stop) when it is the caller.</summary>
    public static void AddWindowsService(this WebApplicationBuilder builder) =>
        builder.Services.AddWindowsService(o => o.ServiceName = "ContactCenter");
}
