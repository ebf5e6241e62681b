using System.Diagnostics;
using Serilog.Context;

namespace ContactCenter.Host.Setup;

/// <summary>
/// Gives every request a correlation id — the caller's <c>X-Correlation-Id</c> when it sends a sane one, else the trace
/// id — echoes it in the response and puts it on every log line written while the request runs.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = context.Request.Headers[Header].FirstOrDefault() is { Length: > 0 and <= 100 } sent
            ? sent
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.Headers[Header] = correlationId;
        context.TraceIdentifier = correlationId;
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }
}
