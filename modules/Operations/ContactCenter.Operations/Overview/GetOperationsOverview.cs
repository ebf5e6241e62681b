using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Operations.Overview;

/// <summary>
/// The "Operação" figures: messages per second in and out over the last minutes, waiting work and available agents per
/// team, and first-response times over the last hour — by the definitions of <c>/metrics</c>, read through the owning
/// modules' contracts. A supervisor sees their teams only; an admin every team (and work routed to none yet).
/// </summary>
internal static class GetOperationsOverview
{
    public const int DefaultMinutes = 5;
    public const int MaxMinutes = 60;

    /// <summary>The message chart always has this many points, whatever the span.</summary>
    public const int Points = 30;

    /// <summary>First-response times are shown for conversations assigned in the last hour.</summary>
    public static readonly TimeSpan FirstResponseSpan = TimeSpan.FromHours(1);

    /// <summary>The bands of the first-response bars, in seconds: up to 1 min, 5 min, 15 min, 1 h, then longer.</summary>
    public static readonly IReadOnlyList<int> BandLimits = [60, 300, 900, 3600];

    /// <summary>The figures at <paramref name="At"/>.</summary>
    /// <param name="Messages">Messages per interval of <paramref name="BucketSeconds"/>, oldest first, over the last <paramref name="Minutes"/>.</param>
    /// <param name="InboundPerSecond">Messages contacts sent per second over the last minute.</param>
    /// <param name="OutboundPerSecond">Messages written to contacts (agents, bot, templates) per second over the last minute.</param>
    internal sealed record View(
        DateTime At,
        int Minutes,
        int BucketSeconds,
        IReadOnlyList<MessagePoint> Messages,
        double InboundPerSecond,
        double OutboundPerSecond,
        IReadOnlyList<TeamView> Teams,
        FirstResponseView FirstResponse);

    /// <summary>One interval of the message chart, as counts and as rates per second.</summary>
    internal sealed record MessagePoint(DateTime From, int Inbound, int Outbound, double InboundPerSecond, double OutboundPerSecond);

    /// <summary>A team's queue now and its first responses in the last hour (<paramref name="TeamId"/> null: no team yet).</summary>
    internal sealed record TeamView(Guid? TeamId, string? TeamName, long Waiting, long AgentsAvailable, int Answered, double? FirstResponseMedianSeconds);

    /// <summary>First responses of the last hour over the visible teams, in seconds.</summary>
    /// <param name="Bands">How many fell in each band: up to <see cref="FirstResponseBand.UpToSeconds"/> (null: longer than the last limit).</param>
    internal sealed record FirstResponseView(int Answered, double? AverageSeconds, double? MedianSeconds, double? P90Seconds, IReadOnlyList<FirstResponseBand> Bands);

    internal sealed record FirstResponseBand(int? UpToSeconds, int Count);

    internal sealed class Handler(ICurrentUser caller, IQueueFigures queues, IConversationFigures conversations, TimeProvider clock)
    {
        public async Task<Result<View>> HandleAsync(int? minutes, CancellationToken cancellationToken)
        {
            var span = minutes ?? DefaultMinutes;
            if (span is < 1 or > MaxMinutes)
            {
                return Error.Validation("minutes", $"Between 1 and {MaxMinutes} minutes.");
            }

            // Admins (and admin keys) see every team; anyone else the teams they belong to (a key belongs to none).
            IReadOnlyCollection<Guid>? teamIds = caller.IsAtLeast(Role.Admin) ? null : await caller.GetTeamIdsAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var bucket = TimeSpan.FromMinutes(span) / Points;
            var counts = await conversations.CountMessagesAsync(now - (bucket * Points), now, bucket, teamIds, cancellationToken);
            var teams = await queues.ReadAsync(teamIds, cancellationToken);
            var responses = await conversations.FirstResponsesAsync(now - FirstResponseSpan, teamIds, cancellationToken);

            var points = counts
                .Select(c => new MessagePoint(c.From, c.Inbound, c.Outbound, c.Inbound / bucket.TotalSeconds, c.Outbound / bucket.TotalSeconds))
                .ToList();
            var lastMinute = points.Where(p => p.From >= now - TimeSpan.FromMinutes(1)).ToList();
            var lastMinuteSeconds = Math.Max(1, lastMinute.Count * bucket.TotalSeconds);
            var all = responses.SelectMany(r => r.Seconds).Order().ToList();
            var teamViews = teams
                .Select(t => responses.FirstOrDefault(r => r.TeamId == t.TeamId) is { } times
                    ? new TeamView(t.TeamId, t.TeamName, t.Waiting, t.AgentsAvailable, times.Seconds.Count, Percentile(times.Seconds, 0.5))
                    : new TeamView(t.TeamId, t.TeamName, t.Waiting, t.AgentsAvailable, 0, null))
                .ToList();
            return new View(
                now,
                span,
                (int)bucket.TotalSeconds,
                points,
                lastMinute.Sum(p => p.Inbound) / lastMinuteSeconds,
                lastMinute.Sum(p => p.Outbound) / lastMinuteSeconds,
                teamViews,
                new FirstResponseView(all.Count, all.Count == 0 ? null : all.Average(), Percentile(all, 0.5), Percentile(all, 0.9), Bands(all)));
        }

        /// <summary>The nearest-rank percentile of sorted values (null when there are none).</summary>
        private static double? Percentile(IReadOnlyList<double> sorted, double share) =>
            sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];

        private static List<FirstResponseBand> Bands(IReadOnlyList<double> seconds)
        {
            var bands = new List<FirstResponseBand>();
            var lower = double.NegativeInfinity;
            foreach (var limit in BandLimits)
            {
                bands.Add(new FirstResponseBand(limit, seconds.Count(s => s > lower && s <= limit)));
                lower = limit;
            }

            bands.Add(new FirstResponseBand(null, seconds.Count(s => s > lower)));
            return bands;
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/operations/overview", async Task<Results<Ok<View>, ProblemHttpResult>> (int? minutes, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(minutes, ct)).ToHttp(TypedResults.Ok))
        .WithName("GetOperationsOverview")
        .WithSummary("Live operation figures: messages per second, waiting work, available agents, first-response times")
        .WithDescription(
            "messages: counts per interval over the last `minutes` (1–60, default 5; 30 intervals), with rates per second; teams: waiting work and available agents now, " +
            "answered conversations and the median first response over the last hour; firstResponse: over the visible teams in the last hour (average, median, 90th percentile, bands). " +
            "Supervisors see their teams; admins every team.")
        .WithTags("Operations")
        .RequireAuthorization(Policies.Supervisor);
}
