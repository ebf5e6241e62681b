using System.Globalization;
using System.Text;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using ContactCenter.Templates.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Usage;

/// <summary>Billable template sends per day (UTC), channel account, team and agent, as JSON or CSV.</summary>
internal static class GetTemplateUsage
{
    internal sealed record Row(DateOnly Day, Guid ChannelAccountId, Guid? TeamId, Guid? AgentId, int Count);

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock)
    {
        /// <summary>From and to are days, both included; by default the last 30 days.</summary>
        public async Task<IReadOnlyList<Row>> HandleAsync(DateOnly? from, DateOnly? to, Guid? channelAccountId, CancellationToken cancellationToken)
        {
            var last = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var first = from ?? last.AddDays(-29);
            var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var query = db.Set<TemplateSend>().AsNoTracking().Where(s => s.Day >= start && s.Day < end);
            if (channelAccountId is { } account)
            {
                query = query.Where(s => s.ChannelAccountId == account);
            }

            var groups = await query
                .GroupBy(s => new { s.Day, s.ChannelAccountId, s.TeamId, s.AgentId })
                .Select(g => new { g.Key.Day, g.Key.ChannelAccountId, g.Key.TeamId, g.Key.AgentId, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return groups
                .Select(g => new Row(DateOnly.FromDateTime(g.Day), g.ChannelAccountId, g.TeamId, g.AgentId, g.Count))
                .OrderBy(r => r.Day).ThenBy(r => r.ChannelAccountId).ThenBy(r => r.TeamId).ThenBy(r => r.AgentId)
                .ToList();
        }
    }

    public static string ToCsv(IEnumerable<Row> rows)
    {
        var csv = new StringBuilder("day,channelAccountId,teamId,agentId,count\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Day:yyyy-MM-dd},{r.ChannelAccountId},{r.TeamId},{r.AgentId},{r.Count}\n");
        }

        return csv.ToString();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/reports/template-usage", async Task<IResult> (DateOnly? from, DateOnly? to, Guid? channelAccountId, string? format, Handler handler, CancellationToken ct) =>
        {
            var rows = await handler.HandleAsync(from, to, channelAccountId, ct);
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.Text(ToCsv(rows), "text/csv", Encoding.UTF8)
                : TypedResults.Ok(rows);
        })
        .WithName("GetTemplateUsage")
        .WithSummary("Billable template sends per day, channel account, team and agent")
        .WithDescription("from/to are UTC days (yyyy-MM-dd, both included; default the last 30 days); format=csv answers CSV.")
        .WithTags("Reports")
        .RequireAuthorization(Policies.Supervisor);
}
