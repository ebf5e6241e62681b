namespace ContactCenter.Architecture.Tests;

/// <summary>The base class library: every assembly of the Microsoft.NETCore.App shared framework.</summary>
internal static class Bcl
{
    public static IReadOnlySet<string> Names { get; } = Directory
        .GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}
