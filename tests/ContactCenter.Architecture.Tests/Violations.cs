namespace ContactCenter.Architecture.Tests;

internal static class Violations
{
    public static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");

    /// <summary>The rule fired, and only about what the fixture does wrong.</summary>
    public static void AssertExactly(IReadOnlyList<string> violations, params string[] mentions)
    {
        Assert.True(violations.Count == mentions.Length,
            $"expected {mentions.Length} violation(s) mentioning [{string.Join(", ", mentions)}], got:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        foreach (var mention in mentions)
        {
            Assert.Contains(violations, v => v.Contains(mention, StringComparison.Ordinal));
        }
    }
}
