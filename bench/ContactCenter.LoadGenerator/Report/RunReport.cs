using ContactCenter.LoadGenerator.Checks;
using ContactCenter.LoadGenerator.Load;

namespace ContactCenter.LoadGenerator.Report;

/// <summary>Everything one run measured, and what it says about the targets.</summary>
internal sealed record RunReport(
    Options Options,
    DateTime StartedUtc,
    string Target,
    string Database,
    string BaselineDatabase,
    PhaseResult? Baseline,
    PhaseResult Webhooks,
    VisibilityResult Visibility,
    AuditResult Audit,
    DuplicateResult? Duplicates,
    double LoadSeconds,
    HostMemory? Memory = null,
    LoadFaults? Faults = null,
    Outbound.OutboundResult? Outbound = null,
    TimeSpan? HostCpu = null)
{
    /// <summary>Issue 3: ≥ 2,000 inbound messages/s on PostgreSQL on 2 cores …</summary>
    public const double TargetRate = 2000;

    /// <summary>… with p99 acknowledgement ≤ 50 ms, and nothing lost.</summary>
    public const double TargetP99Milliseconds = 50;

    public bool NothingLostOrDoubled => Audit.Passed && Visibility.NeverVisible.Count == 0 && (Duplicates?.Passed ?? true) && (Outbound?.Passed ?? true);

    public bool RateMet => Webhooks.Rate >= TargetRate;

    public bool LatencyMet => Webhooks.Latency.Count > 0 && Webhooks.Latency.P99 <= TargetP99Milliseconds;

    public bool TargetsMet => RateMet && LatencyMet && NothingLostOrDoubled;

    /// <summary>Acknowledged messages over the load plus the time the backlog took to drain: what the whole path
    /// (accept, process, make visible) sustained. Far below the accepted rate means processing fell behind.</summary>
    public double? EndToEndRate => Audit.DrainedAfterSeconds is { } drained ? Audit.Acknowledged / (LoadSeconds + drained) : null;

    public double? Ratio => Baseline is { Rate: > 0 } b ? Webhooks.Rate / b.Rate : null;
}
