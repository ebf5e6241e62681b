using System.Diagnostics.Metrics;
using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Conversations.Notices;

/// <summary>
/// Conversations' figures on <c>/metrics</c> (meter <c>ContactCenter.Conversations</c>): first-response times, and — read
/// from the database — open conversations and those whose 24-hour window has closed (only a template reaches them now).
/// </summary>
internal sealed class ConversationMetrics
{
    public const string MeterName = "ContactCenter.Conversations";

    private readonly Histogram<double> firstResponse;
    private readonly DatabaseGauge<Figures> figures;

    public ConversationMetrics(IMeterFactory meters, ILifetimeScope root, TimeProvider clock, ILogger<ConversationMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        firstResponse = meter.CreateHistogram<double>(
            "contactcenter.first_response.duration", "s", "From assignment to the agent's first reply, for replies within the first-response time.");
        figures = new DatabaseGauge<Figures>(root, (db, ct) => ReadAsync(db, clock, ct), Figures.None, logger);
        meter.CreateObservableGauge("contactcenter.conversations.open", () => figures.Current.Open, "{conversation}", "Conversations not finished.");
        meter.CreateObservableGauge(
            "contactcenter.conversations.window_closed", () => figures.Current.WindowClosed, "{conversation}", "Open conversations whose 24-hour window has closed.");
    }

    public void Answered(TimeSpan afterAssignment) => firstResponse.Record(Math.Max(0, afterAssignment.TotalSeconds));

    private static async Task<Figures> ReadAsync(ContactCenterDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Set<Conversation>().AsNoTracking().Where(c => c.Status != ConversationStatus.Finished);
        return new Figures(
            await open.LongCountAsync(cancellationToken),
            await open.LongCountAsync(c => c.WindowClosesAt != null && c.WindowClosesAt <= now, cancellationToken));
    }

    private sealed record Figures(long Open, long WindowClosed)
    {
        public static readonly Figures None = new(0, 0);
    }
}
