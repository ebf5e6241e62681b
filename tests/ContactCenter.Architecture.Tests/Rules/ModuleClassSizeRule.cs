namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>A module class and the source file that declares it.</summary>
internal sealed record ModuleClassSource(string ModuleClass, string? File, int Lines);

/// <summary>
/// A module class reads as a short table of contents: each feature folder registers and maps itself in its own
/// <c>*Feature.cs</c>, so the file declaring the module class stays within <see cref="MaxLines"/> lines.
/// </summary>
internal static class ModuleClassSizeRule
{
    public const int MaxLines = 60;

    public static IReadOnlyList<string> Check(string module, IReadOnlyList<ModuleClassSource> classes)
    {
        if (classes.Count == 0)
        {
            return [$"{module} declares no public IContactCenterModule class."];
        }

        return
        [
            .. classes.Where(c => c.File is null)
                .Select(c => $"{module}: no file {c.ModuleClass.Split('.')[^1]}.cs declares the module class {c.ModuleClass}; keep it in a file of its name."),
            .. classes.Where(c => c.File is not null && c.Lines > MaxLines)
                .Select(c => $"{module}: {c.File} has {c.Lines} lines (at most {MaxLines}); move registrations and endpoints into the feature folders' *Feature.cs."),
        ];
    }
}
