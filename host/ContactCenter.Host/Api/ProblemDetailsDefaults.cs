using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace ContactCenter.Host.Api;

internal static class ProblemDetailsDefaults
{
    /// <summary>Every problem carries a stable <c>code</c>, even those ASP.NET produces itself (401, 404, 415…).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("code", problem.Status switch
        {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            405 => "method_not_allowed",
            409 => "conflict",
            415 => "unsupported_media_type",
            429 => "rate_limited",
            _ => "internal_error",
        });
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        if (context.Exception is BadHttpRequestException bad)
        {
            // Malformed JSON, missing body and the like: say what was wrong, keep the code stable.
            problem.Status = bad.StatusCode;
            problem.Detail = bad.Message;
            problem.Extensions["code"] = "bad_request";
        }
    }
}

/// <summary>
/// Turns an unexpected exception into a 500 problem (the details go to the log, not the caller); a database that
/// cannot be reached is a 503 with <c>Retry-After</c> instead, so callers that retry (webhook providers) come back.
/// </summary>
internal sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>What a 503 asks the caller to wait, in seconds: a restarting database is usually back within it.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = bad.StatusCode, Title = "The request is invalid.", Detail = bad.Message },
            });
        }

        if (IsDatabaseUnreachable(exception))
        {
            logger.LogWarning(exception, "The database is unreachable on {Method} {Path}; answered 503", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = 503,
                    Title = "The service is unavailable.",
                    Detail = "The database cannot be reached right now. Try again shortly.",
                    Extensions = { ["code"] = "database_unavailable" },
                },
            });
        }

        logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = 500,
                Title = "The server failed to process the request.",
                Detail = "The error was logged with the trace id below.",
            },
        });
    }

    /// <summary>
    /// A lost or refused database connection, wherever EF or the provider wrapped it: the providers mark exactly these
    /// as transient (Npgsql for socket and timeout failures), unlike a constraint violation or a bad query.
    /// </summary>
    internal static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
