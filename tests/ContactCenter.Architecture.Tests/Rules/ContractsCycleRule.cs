namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>Rule g: contracts form a DAG, so no two modules' public faces depend on each other.</summary>
internal static class ContractsCycleRule
{
    /// <param name="graph">Each .Contracts assembly and the names it references (other names are ignored).</param>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, IReadOnlyList<string>> graph)
    {
        var violations = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string node)
        {
            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                violations.Add("Reference cycle between contracts: " + string.Join(" -> ", path.Skip(onPath).Append(node)));
                return;
            }

            if (!done.Add(node))
            {
                return;
            }

            path.Add(node);
            foreach (var next in graph[node].Where(graph.ContainsKey).Order(StringComparer.Ordinal))
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            Visit(node);
        }

        return violations;
    }
}
