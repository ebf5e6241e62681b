using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContactCenter.Host.Setup;

internal static class WelcomeSetup
{
    /// <summary>Once Kestrel listens: where the product is, where Swagger is, and the demo logins if any.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app, ContactCenterSettings settings)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? [];
            var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? addresses.FirstOrDefault() ?? "(no address)";
            var report = app.Services.GetRequiredService<StartupReport>();
            var lines = new List<string>
            {
                string.Empty,
                "ContactCenter is running.",
                $"  Web UI:   {url}",
                $"  Swagger:  {url.TrimEnd('/')}/swagger",
                $"  Health:   {url.TrimEnd('/')}/health/ready",
                $"  Database: {settings.Provider} ({(settings.Provider == DatabaseProvider.Sqlite ? settings.ConnectionString : "server")})",
                $"  Data:     {settings.DataDirectory}",
            };
            lines.AddRange(report.Lines);
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
