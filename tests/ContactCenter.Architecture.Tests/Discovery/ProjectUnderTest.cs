namespace ContactCenter.Architecture.Tests.Discovery;

internal enum ProjectKind
{
    Kernel,
    Module,
    Contracts,
    Sdk,
    Plugin,
    Host,
    Unclassified,
}

/// <summary>A project of the repository and where its build put the assembly.</summary>
internal sealed record ProjectUnderTest(string AssemblyName, ProjectKind Kind, string ProjectFile, string AssemblyPath)
{
    public string OutputDirectory => Path.GetDirectoryName(AssemblyPath)!;

    public override string ToString() => $"{AssemblyName} ({Kind})";
}
