using System.Diagnostics;

namespace ContactCenter.Host.Setup;

/// <summary>
/// One log line per request with its status and duration, inside a scope carrying the correlation id
/// (taken from <c>X-Correlation-Id</c> when a caller sends one, echoed back either way).
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = context.Request.Headers[Header].FirstOrDefault() is { Length: > 0 and <= 100 } sent
            ? sent
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.Headers[Header] = correlationId;
        context.TraceIdentifier = correlationId;

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path.Value ?? string.Empty;
            // Static files and the Blazor circuit would drown the useful lines; so would thousands of accepted
            // webhooks a second (and writing them costs the webhook path its latency): those only at Debug.
            var level = context.Response.StatusCode >= 500 ? LogLevel.Warning
                : path.StartsWith("/_", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal) ? LogLevel.None
                : path.StartsWith("/webhooks", StringComparison.Ordinal) && context.Response.StatusCode < 400 ? LogLevel.Debug
                : LogLevel.Information;
            if (level != LogLevel.None && logger.IsEnabled(level))
            {
                logger.Log(
                    level,
                    "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method,
                    path,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
