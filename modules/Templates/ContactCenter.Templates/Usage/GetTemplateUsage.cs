using System.Globalization;
using System.Text;
using ContactCenter.Channels.Contracts;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using ContactCenter.Templates.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Templates.Usage;

/// <summary>Billable template sends per day (UTC), channel account, team and agent, as JSON or CSV.</summary>
internal static class GetTemplateUsage
{
    /// <summary>Longest period one report covers: a year of days is already more bars than a chart can show.</summary>
    public const int MaxDays = 366;

    /// <summary>The filters; from and to are UTC days, both included (by default the last 30 days).</summary>
    internal sealed record Query(DateOnly? From = null, DateOnly? To = null, Guid? ChannelAccountId = null, Guid? TeamId = null, Guid? AgentId = null);

    /// <summary>One group of sends; the names are read when the report is made (null for ids no longer known, or no agent/team).</summary>
    internal sealed record Row(
        DateOnly Day,
        Guid ChannelAccountId,
        string? ChannelAccountName,
        Guid? TeamId,
        string? TeamName,
        Guid? AgentId,
        string? AgentName,
        int Count);

    /// <summary>The rows and the period they cover (the defaults filled in), so a page or a file can say which days it shows.</summary>
    internal sealed record Report(DateOnly From, DateOnly To, IReadOnlyList<Row> Rows);

    internal sealed class Handler(ContactCenterDbContext db, IChannelsApi channels, IQueuesApi queues, IIdentityApi identity, TimeProvider clock)
    {
        public async Task<Result<Report>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var last = query.To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var first = query.From ?? last.AddDays(-29);
            if (last < first)
            {
                return Error.Validation("to", "A data final deve ser igual ou posterior à inicial.");
            }

            if (last.DayNumber - first.DayNumber + 1 > MaxDays)
            {
                return Error.Validation("from", $"Escolha um período de até {MaxDays} dias.");
            }

            var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var sends = db.Set<TemplateSend>().AsNoTracking().Where(s => s.Day >= start && s.Day < end);
            if (query.ChannelAccountId is { } account)
            {
                sends = sends.Where(s => s.ChannelAccountId == account);
            }

            if (query.TeamId is { } team)
            {
                sends = sends.Where(s => s.TeamId == team);
            }

            if (query.AgentId is { } agent)
            {
                sends = sends.Where(s => s.AgentId == agent);
            }

            var groups = await sends
                .GroupBy(s => new { s.Day, s.ChannelAccountId, s.TeamId, s.AgentId })
                .Select(g => new { g.Key.Day, g.Key.ChannelAccountId, g.Key.TeamId, g.Key.AgentId, Count = g.Count() })
                .ToListAsync(cancellationToken);

            // Names are looked up once per report, not stored with the sends: a renamed team shows its current name.
            var accounts = (await channels.ListAccountsAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
            var teams = (await queues.ListTeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
            var users = (await identity.ListUsersAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var rows = groups
                .Select(g => new Row(
                    DateOnly.FromDateTime(g.Day),
                    g.ChannelAccountId,
                    accounts.GetValueOrDefault(g.ChannelAccountId),
                    g.TeamId,
                    g.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
                    g.AgentId,
                    g.AgentId is { } a ? users.GetValueOrDefault(a) : null,
                    g.Count))
                .OrderBy(r => r.Day).ThenBy(r => r.ChannelAccountId).ThenBy(r => r.TeamId).ThenBy(r => r.AgentId)
                .ToList();
            return new Report(first, last, rows);
        }
    }

    public const string CsvHeader = "day,channelAccountId,channelAccount,teamId,team,agentId,agent,count";

    public static string ToCsv(IEnumerable<Row> rows)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Day:yyyy-MM-dd},{r.ChannelAccountId},{Cell(r.ChannelAccountName)},{r.TeamId},{Cell(r.TeamName)},{r.AgentId},{Cell(r.AgentName)},{r.Count}\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe before = + - @ so a spreadsheet shows a name such as "=SOMA(…)"
    /// as text instead of running it (names are typed by admins, the file is opened by supervisors).
    /// </summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string FileName(Report report) => string.Create(CultureInfo.InvariantCulture, $"uso-de-modelos_{report.From:yyyy-MM-dd}_{report.To:yyyy-MM-dd}.csv");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/reports/template-usage", async Task<Results<Ok<IReadOnlyList<Row>>, FileContentHttpResult, ProblemHttpResult>> (
            DateOnly? from, DateOnly? to, Guid? channelAccountId, Guid? teamId, Guid? agentId, string? format, Handler handler, CancellationToken ct) =>
        {
            var report = await handler.HandleAsync(new Query(from, to, channelAccountId, teamId, agentId), ct);
            if (!report.IsSuccess)
            {
                return report.Error.ToProblem();
            }

            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(report.Value.Rows)), "text/csv; charset=utf-8", FileName(report.Value))
                : TypedResults.Ok(report.Value.Rows);
        })
        .WithName("GetTemplateUsage")
        .WithSummary("Billable template sends per day, channel account, team and agent")
        .WithDescription("from/to are UTC days (yyyy-MM-dd, both included; default the last 30 days; at most 366 days); filter by channelAccountId, " +
            "teamId, agentId; format=csv answers a CSV file (header row day,channelAccountId,channelAccount,teamId,team,agentId,agent,count).")
        .WithTags("Reports")
        .RequireAuthorization(Policies.Supervisor);
}
