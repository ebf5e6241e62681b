namespace ContactCenter.Channels.Outbound;

/// <summary>
/// Exponential backoff with jitter for durable retries (the next try is a row's due time, not an in-process
/// wait, so Polly's in-memory retry pipeline does not fit; this is its "exponential + jitter" shape):
/// 2 s, 4 s, 8 s … capped at 15 min, each drawn between half and all of it so that many rows failing together
/// do not retry together. A provider's Retry-After is a floor.
/// </summary>
internal static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(15);

    public static TimeSpan Next(int attempt, TimeSpan? retryAfter)
    {
        var exponential = First.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var capped = Math.Min(exponential, Cap.TotalSeconds);
        var jittered = TimeSpan.FromSeconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}
