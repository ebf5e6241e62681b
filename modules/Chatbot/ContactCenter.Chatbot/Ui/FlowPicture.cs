using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Evaluation;

namespace ContactCenter.Chatbot.Ui;

/// <summary>
/// The flow drawn from the triggers, as SVG rendered on the server (no script): teams as boxes, columns by how many
/// moves they are from the first-contact team, an arrow per "move to team" trigger labelled with its keywords; inside
/// each box its entry menu and the keywords that hand the conversation to an agent.
/// </summary>
internal static class FlowPicture
{
    private const int BoxWidth = 240;
    private const int BoxHeight = 110;
    private const int ColumnGap = 140;
    private const int RowGap = 40;
    private const int Margin = 20;

    public static string Render(IReadOnlyList<TriggerDto> triggers, IReadOnlyDictionary<Guid, string> teams, Guid? firstContactTeamId, string agentLabel)
    {
        var columns = Columns(triggers, teams, firstContactTeamId);
        var place = new Dictionary<Guid, (int X, int Y)>();
        foreach (var (team, column) in columns)
        {
            var row = place.Count(p => columns[p.Key] == column);
            place[team] = (Margin + (column * (BoxWidth + ColumnGap)), Margin + (row * (BoxHeight + RowGap)));
        }

        var width = place.Count == 0 ? 300 : place.Values.Max(p => p.X) + BoxWidth + Margin;
        var height = place.Count == 0 ? 60 : place.Values.Max(p => p.Y) + BoxHeight + Margin;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" data-testid=\"chatbot-flow\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var move in triggers.Where(t => t.Action == BotAction.MoveToTeam && t.TargetTeamId is not null && !t.IsTeamEntry))
        {
            foreach (var from in Sources(move, teams, firstContactTeamId).Where(place.ContainsKey))
            {
                if (place.TryGetValue(move.TargetTeamId!.Value, out var to))
                {
                    Arrow(svg, place[from], to, Keywords.Split(move.Keywords) is { Count: > 0 } words ? string.Join(", ", words) : move.Description);
                }
            }
        }

        foreach (var (team, at) in place)
        {
            Box(svg, team, teams[team], at, triggers, team == firstContactTeamId, agentLabel);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Each team's column: the first-contact team first, then each team one further than the team that moves to it.</summary>
    private static Dictionary<Guid, int> Columns(IReadOnlyList<TriggerDto> triggers, IReadOnlyDictionary<Guid, string> teams, Guid? first)
    {
        var columns = new Dictionary<Guid, int>();
        var queue = new Queue<Guid>();
        if (first is { } start && teams.ContainsKey(start))
        {
            columns[start] = 0;
            queue.Enqueue(start);
        }

        while (queue.TryDequeue(out var team))
        {
            foreach (var move in triggers.Where(t => t.Action == BotAction.MoveToTeam && t.TargetTeamId is { } target && teams.ContainsKey(target) && (t.TeamId is null || t.TeamId == team)))
            {
                if (columns.TryAdd(move.TargetTeamId!.Value, columns[team] + 1))
                {
                    queue.Enqueue(move.TargetTeamId.Value);
                }
            }
        }

        // Teams with triggers the flow never reaches still show, in a last column.
        var last = columns.Count == 0 ? 0 : columns.Values.Max() + 1;
        foreach (var team in triggers.SelectMany(t => new[] { t.TeamId, t.TargetTeamId }).OfType<Guid>().Where(teams.ContainsKey).Distinct())
        {
            columns.TryAdd(team, last);
        }

        return columns;
    }

    private static IEnumerable<Guid> Sources(TriggerDto move, IReadOnlyDictionary<Guid, string> teams, Guid? first) =>
        move.TeamId is { } team ? [team] : first is { } start ? [start] : teams.Keys;

    private static void Arrow(StringBuilder svg, (int X, int Y) from, (int X, int Y) to, string label)
    {
        var (x1, y1) = (from.X + BoxWidth, from.Y + (BoxHeight / 2));
        var (x2, y2) = (to.X, to.Y + (BoxHeight / 2));
        if (from == to)
        {
            // A move to the same team (its menu again): a loop over the box.
            var (lx, ly) = (from.X + (BoxWidth / 2), from.Y);
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{lx - 30},{ly} C{lx - 30},{ly - 35} {lx + 30},{ly - 35} {lx + 30},{ly}\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
            Text(svg, lx, ly - 28, label, "middle", "chatbot-flow-arrow");
            return;
        }

        if (x2 < x1)
        {
            (x1, x2) = (from.X, to.X + BoxWidth);
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
        Text(svg, (x1 + x2) / 2, ((y1 + y2) / 2) - 6, label, "middle", "chatbot-flow-arrow");
    }

    private static void Box(StringBuilder svg, Guid team, string name, (int X, int Y) at, IReadOnlyList<TriggerDto> triggers, bool first, string agentLabel)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g data-testid=\"chatbot-flow-team\" data-team=\"{team}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{at.X}\" y=\"{at.Y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{(first ? "#e8f0fe" : "#f5f5f5")}\" stroke=\"#333\"/>");
        Text(svg, at.X + 10, at.Y + 20, name, "start", "chatbot-flow-name", bold: true);
        var line = 40;
        var entry = triggers.Where(t => t.IsTeamEntry && t.TeamId == team).OrderBy(t => t.Position).FirstOrDefault();
        if (entry?.Message is { } menu)
        {
            Text(svg, at.X + 10, at.Y + line, "☰ " + Cut(menu, 34), "start", "chatbot-flow-menu");
            line += 18;
        }

        foreach (var handOff in triggers.Where(t => t.HandsOff && t.TeamId == team && !t.IsTeamEntry).Take(3))
        {
            var words = Keywords.Split(handOff.Keywords) is { Count: > 0 } k ? string.Join(", ", k) : handOff.Description;
            Text(svg, at.X + 10, at.Y + line, $"“{Cut(words, 20)}” → {agentLabel}", "start", "chatbot-flow-handoff");
            line += 18;
        }

        svg.Append("</g>");
    }

    private static void Text(StringBuilder svg, int x, int y, string text, string anchor, string testId, bool bold = false) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" data-testid=\"{testId}\"{(bold ? " font-weight=\"bold\"" : string.Empty)}>{WebUtility.HtmlEncode(text)}</text>");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
