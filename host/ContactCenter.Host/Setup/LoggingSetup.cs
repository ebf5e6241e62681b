using Serilog;
using Serilog.Events;

namespace ContactCenter.Host.Setup;

internal static class LoggingSetup
{
    /// <summary>Serilog to the console and a rolling file in the data folder, tuned by the <c>Serilog</c> configuration section.</summary>
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
        builder.Services.AddSerilog(logger, dispose: true);
        // The request log writes through this host's logger, not Serilog's static one (tests run several hosts at once).
        builder.Services.AddSingleton(new RequestLogger(logger));
    }

    /// <summary>
    /// The correlation id (taken from <c>X-Correlation-Id</c> when a caller sends one, echoed back either way) on every
    /// line of the request, then one line per request with its status and duration (Serilog's request logging).
    /// </summary>
    public static void UseRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = LevelOf;
            options.Logger = app.Services.GetRequiredService<RequestLogger>().Logger;
        });
    }

    /// <summary>
    /// Static files and the Blazor circuit would drown the useful lines; so would thousands of accepted webhooks a
    /// second (and writing them costs the webhook path its latency): those only at Debug or not at all.
    /// </summary>
    private static LogEventLevel LevelOf(HttpContext context, double elapsedMs, Exception? error)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var status = context.Response.StatusCode;
        return error is not null || status >= 500 ? LogEventLevel.Warning
            : path.StartsWith("/_", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal)
                || path.StartsWith("/metrics", StringComparison.Ordinal) ? LogEventLevel.Verbose
            : path.StartsWith("/webhooks", StringComparison.Ordinal) && status < 400 ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }
}

/// <summary>The host's Serilog logger, for the request log.</summary>
internal sealed record RequestLogger(Serilog.ILogger Logger);
