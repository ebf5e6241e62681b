using System.Text.RegularExpressions;

namespace ContactCenter.Host.Tests.SqlServer;

/// <summary>
/// The schema a T-SQL script leaves behind, replayed statement by statement (tables, columns, constraints and
/// indexes created, altered and dropped), as sorted facts. Enough for EF's SQL Server scripts, which is all it reads.
/// </summary>
internal sealed partial class TSqlScriptSchema
{
    private readonly SortedDictionary<string, string> _columns = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _constraints = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _indexes = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _tables = new(StringComparer.Ordinal);

    public IEnumerable<string> Facts =>
        _tables.Select(t => $"table {t}")
            .Concat(_columns.Select(c => $"column {c.Key} {c.Value}"))
            .Concat(_constraints.Select(c => $"constraint {c.Key} {c.Value}"))
            .Concat(_indexes.Select(i => $"index {i.Key} {i.Value}"))
            .Where(f => !f.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            .ToList();

    public static TSqlScriptSchema Read(string script)
    {
        var schema = new TSqlScriptSchema();
        var batches = GoLine().Replace(script.ReplaceLineEndings("\n"), string.Empty);
        foreach (var statement in batches.Split(";\n", StringSplitOptions.RemoveEmptyEntries))
        {
            schema.Apply(statement.Trim());
        }

        return schema;
    }

    public List<string> Names() =>
        [.. _tables.Select(t => $"table {t}")
            .Concat(_constraints.Keys.Select(k => $"constraint {k}"))
            .Concat(_indexes.Keys.Select(k => $"index {k}"))
            .Where(f => !f.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private void Apply(string statement)
    {
        if (CreateTable().Match(statement) is { Success: true } create)
        {
            var table = create.Groups["table"].Value;
            _tables.Add(table);
            foreach (var line in create.Groups["body"].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')))
            {
                AddColumnOrConstraint(table, line);
            }
        }
        else if (DropTable().Match(statement) is { Success: true } drop)
        {
            var table = drop.Groups["table"].Value;
            _tables.Remove(table);
            foreach (var map in new[] { _columns, _constraints, _indexes })
            {
                foreach (var key in map.Keys.Where(k => k.StartsWith(table + ".", StringComparison.Ordinal)).ToList())
                {
                    map.Remove(key);
                }
            }
        }
        else if (AlterTable().Match(statement) is { Success: true } alter)
        {
            var table = alter.Groups["table"].Value;
            var rest = alter.Groups["rest"].Value.Trim();
            if (rest.StartsWith("ADD ", StringComparison.Ordinal))
            {
                AddColumnOrConstraint(table, rest[4..].Trim());
            }
            else if (rest.StartsWith("ALTER COLUMN ", StringComparison.Ordinal))
            {
                AddColumnOrConstraint(table, rest[13..].Trim());
            }
            else if (DropName().Match(rest) is { Success: true } dropped)
            {
                _columns.Remove($"{table}.{dropped.Groups["name"].Value}");
                _constraints.Remove($"{table}.{dropped.Groups["name"].Value}");
            }
        }
        else if (CreateIndex().Match(statement) is { Success: true } index)
        {
            _indexes[$"{index.Groups["table"].Value}.{index.Groups["name"].Value}"] =
                $"{index.Groups["unique"].Value}INDEX {Squeeze(index.Groups["rest"].Value)}";
        }
        else if (DropIndex().Match(statement) is { Success: true } dropIndex)
        {
            _indexes.Remove($"{dropIndex.Groups["table"].Value}.{dropIndex.Groups["name"].Value}");
        }
    }

    private void AddColumnOrConstraint(string table, string line)
    {
        if (Constraint().Match(line) is { Success: true } constraint)
        {
            _constraints[$"{table}.{constraint.Groups["name"].Value}"] = Squeeze(constraint.Groups["rest"].Value);
        }
        else if (Column().Match(line) is { Success: true } column)
        {
            _columns[$"{table}.{column.Groups["name"].Value}"] = $"{column.Groups["type"].Value} {column.Groups["null"].Value}";
        }
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^CREATE TABLE \[(?<table>[^\]]+)\] \((?<body>.*)\)$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^DROP TABLE \[(?<table>[^\]]+)\]$")]
    private static partial Regex DropTable();

    [GeneratedRegex(@"^ALTER TABLE \[(?<table>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"^DROP (?:COLUMN|CONSTRAINT) \[(?<name>[^\]]+)\]$")]
    private static partial Regex DropName();

    [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX \[(?<name>[^\]]+)\] ON \[(?<table>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^DROP INDEX \[(?<name>[^\]]+)\] ON \[(?<table>[^\]]+)\]$")]
    private static partial Regex DropIndex();

    [GeneratedRegex(@"^CONSTRAINT \[(?<name>[^\]]+)\] (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^\[(?<name>[^\]]+)\] (?<type>\w+(?:\([^)]*\))?)(?:.*?)(?<null>NOT NULL|NULL)")]
    private static partial Regex Column();

    [GeneratedRegex(@"^GO\s*$", RegexOptions.Multiline)]
    private static partial Regex GoLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
