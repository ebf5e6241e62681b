namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>A type visible outside its assembly, with the facts rule f needs about it.</summary>
internal sealed record PublicType(string FullName, bool IsModuleClass, bool IsComponent, bool IsCompilerGenerated);
