using System.Net;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ContactCenter.Host.Setup;

/// <summary>
/// <c>/metrics</c> in Prometheus text format through OpenTelemetry: ASP.NET Core's and the runtime's instruments and the
/// product's own meters (<c>ContactCenter.*</c>, one per module: messages in and out, inbox lag and failures, outbox
/// queue and send failures per plugin, routing decisions, waiting work and available agents per team, first-response
/// times, window closures, template sends). docs/operations.md lists them with a sample scrape configuration.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    public static void AddProductMetrics(this WebApplicationBuilder builder)
    {
        var options = MetricsOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("contactcenter", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("ContactCenter.*")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
    }

    /// <summary>Served to the same machine (a local Prometheus or agent) or to whoever presents the metrics key.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MetricsOptions>();
        if (!options.Enabled)
        {
            return;
        }

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path),
            branch => branch.Use(async (context, next) =>
            {
                if (options.Allows(context))
                {
                    await next(context);
                    return;
                }

                await Results.Problem(
                        title: "Metrics are not served to this caller",
                        detail: options.ApiKey is null
                            ? "Ask from the server itself, or configure ContactCenter:Metrics:ApiKey and send it as a Bearer token."
                            : "Send the metrics key as 'Authorization: Bearer <key>'.",
                        statusCode: StatusCodes.Status403Forbidden,
                        extensions: new Dictionary<string, object?> { ["code"] = "metrics_forbidden" })
                    .ExecuteAsync(context);
            }));
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
    }
}

/// <summary>The <c>ContactCenter:Metrics</c> section.</summary>
/// <param name="Enabled"><c>ContactCenter:Metrics:Enabled</c> (default true).</param>
/// <param name="ApiKey"><c>ContactCenter:Metrics:ApiKey</c>: lets a scraper on another machine in; absent, only this machine is served.</param>
/// <param name="OtlpEndpoint"><c>ContactCenter:Metrics:OtlpEndpoint</c>: also push to an OpenTelemetry collector (e.g. http://127.0.0.1:4317).</param>
internal sealed record MetricsOptions(bool Enabled, string? ApiKey, Uri? OtlpEndpoint)
{
    public static MetricsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ContactCenter:Metrics");
        var otlp = section["OtlpEndpoint"];
        if (otlp is { Length: > 0 } && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"ContactCenter:Metrics:OtlpEndpoint '{otlp}' is not an absolute URL.");
        }

        return new MetricsOptions(
            section.GetValue("Enabled", true),
            section["ApiKey"] is { Length: > 0 } key ? key : null,
            otlp is { Length: > 0 } ? new Uri(otlp) : null);
    }

    public bool Allows(HttpContext context)
    {
        if (ApiKey is not null
            && context.Request.Headers.Authorization.FirstOrDefault() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(ApiKey)))
        {
            return true;
        }

        // A request a reverse proxy forwarded is not local even though it comes from 127.0.0.1; an in-process test
        // server has no remote address at all.
        var remote = context.Connection.RemoteIpAddress;
        return !context.Request.Headers.ContainsKey("X-Forwarded-For") && (remote is null || IPAddress.IsLoopback(remote));
    }
}
