using Serilog;
using Serilog.Events;

namespace ContactCenter.Host.Setup;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console and a rolling file in the data folder. Serilog.AspNetCore cannot be restored
    /// here, so Serilog is plugged in as a Microsoft.Extensions.Logging provider; request logging and the
    /// correlation id come from <see cref="RequestLoggingMiddleware"/>.
    /// </summary>
    public static void AddSerilogLogging(this WebApplicationBuilder builder, ContactCenterSettings settings)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            // Keys live in the product database (no DPAPI on Linux); the install guide says to protect it.
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate:
                "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            .WriteTo.File(
                Path.Combine(settings.DataDirectory, "logs", "contactcenter-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                outputTemplate:
                "{Timestamp:o} [{Level:u3}] {SourceContext} {CorrelationId} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }
}
