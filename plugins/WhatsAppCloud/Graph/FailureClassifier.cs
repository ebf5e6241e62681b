using System.Globalization;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Graph;

/// <summary>
/// Maps a failed Graph call to the contract's failure kinds, by the error codes of reference §9; a code this
/// table does not know falls back on the HTTP status (5xx retryable, 429 rate limited, other 4xx permanent).
/// </summary>
internal static class FailureClassifier
{
    private static readonly Dictionary<int, SendFailureKind> ByCode = new()
    {
        [131047] = SendFailureKind.WindowClosed,

        // Undeliverable, not a WhatsApp user / not an allowed test number / the sender itself / opted out of marketing.
        [131026] = SendFailureKind.BadRecipient,
        [131030] = SendFailureKind.BadRecipient,
        [131021] = SendFailureKind.BadRecipient,
        [131050] = SendFailureKind.BadRecipient,

        [132000] = SendFailureKind.TemplateProblem,
        [132001] = SendFailureKind.TemplateProblem,
        [132005] = SendFailureKind.TemplateProblem,
        [132007] = SendFailureKind.TemplateProblem,
        [132012] = SendFailureKind.TemplateProblem,
        [132015] = SendFailureKind.TemplateProblem,
        [132016] = SendFailureKind.TemplateProblem,
        [132068] = SendFailureKind.TemplateProblem,
        [132069] = SendFailureKind.TemplateProblem,

        [130429] = SendFailureKind.RateLimited,
        [131056] = SendFailureKind.RateLimited,
        [131048] = SendFailureKind.RateLimited,
        [131049] = SendFailureKind.RateLimited,
        [4] = SendFailureKind.RateLimited,
        [80007] = SendFailureKind.RateLimited,
        [613] = SendFailureKind.RateLimited,

        [1] = SendFailureKind.Retryable,
        [2] = SendFailureKind.Retryable,
        [131000] = SendFailureKind.Retryable,
        [131016] = SendFailureKind.Retryable,
        [131057] = SendFailureKind.Retryable,
        [133004] = SendFailureKind.Retryable,

        // Authentication (0, 190), permission (10, 200-299), parameters (100, 131008, 131009), policy and
        // account problems: retrying the same request will not help.
        [0] = SendFailureKind.Permanent,
        [190] = SendFailureKind.Permanent,
        [10] = SendFailureKind.Permanent,
        [100] = SendFailureKind.Permanent,
        [131008] = SendFailureKind.Permanent,
        [131009] = SendFailureKind.Permanent,
        [131031] = SendFailureKind.Permanent,
        [131042] = SendFailureKind.Permanent,
        [131051] = SendFailureKind.Permanent,
        [131053] = SendFailureKind.Permanent,
        [130472] = SendFailureKind.Permanent,
        [368] = SendFailureKind.Permanent,
        [130497] = SendFailureKind.Permanent,
    };

    /// <summary>
    /// Waits Meta documents when it sends no Retry-After: throughput is per second (§10), the pair limit allows
    /// about one message per 6 s to the same user, the per-user marketing limit wants ≥ 24 h (§9), and a
    /// throughput upgrade's maintenance lasts up to a minute (§10).
    /// </summary>
    private static readonly Dictionary<int, TimeSpan> DocumentedBackoff = new()
    {
        [130429] = TimeSpan.FromSeconds(1),
        [131056] = TimeSpan.FromSeconds(6),
        [131049] = TimeSpan.FromHours(24),
        [131057] = TimeSpan.FromMinutes(1),
    };

    public static SendResult ToResult(GraphResponse response)
    {
        if (response.TransportError is { } transport)
        {
            return SendResult.Failed(SendFailureKind.Retryable, transport, "transport");
        }

        var error = GraphError.From(response);
        var kind = Classify(error?.Code, response.StatusCode);
        var retryAfter = kind is SendFailureKind.RateLimited or SendFailureKind.Retryable
            ? response.RetryAfter ?? (error?.Code is { } code && DocumentedBackoff.TryGetValue(code, out var wait) ? wait : null)
            : null;
        var providerCode = error?.Code?.ToString(CultureInfo.InvariantCulture) ?? $"http_{response.StatusCode}";
        return SendResult.Failed(kind, GraphError.Describe(response), providerCode, retryAfter);
    }

    public static SendFailureKind Classify(int? code, int httpStatus)
    {
        if (code is { } known)
        {
            if (ByCode.TryGetValue(known, out var kind))
            {
                return kind;
            }

            if (known is >= 200 and <= 299)
            {
                return SendFailureKind.Permanent;
            }

            if (known is >= 2388000 and < 2389000)
            {
                return SendFailureKind.TemplateProblem;
            }
        }

        return httpStatus switch
        {
            429 => SendFailureKind.RateLimited,
            408 or >= 500 => SendFailureKind.Retryable,
            _ => SendFailureKind.Permanent,
        };
    }
}
