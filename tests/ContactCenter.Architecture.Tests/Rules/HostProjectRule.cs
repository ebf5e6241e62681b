using System.Xml.Linq;

namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// Rule d (project file): the host may reference a plugin project only to get it built first, never its
/// assembly; so every such ProjectReference must say ReferenceOutputAssembly="false".
/// </summary>
internal static class HostProjectRule
{
    public static IReadOnlyList<string> Check(string projectName, string projectXml) =>
    [
        .. XDocument.Parse(projectXml).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (Include: (string?)e.Attribute("Include") ?? "", Reference: e))
            .Where(r => Names.IsPlugin(Path.GetFileNameWithoutExtension(r.Include.Replace('\\', '/'))))
            .Where(r => !string.Equals(Metadata(r.Reference, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{projectName} has <ProjectReference Include=\"{r.Include}\"> without ReferenceOutputAssembly=\"false\"."),
    ];

    // MSBuild metadata may be written as an attribute or as a child element.
    private static string? Metadata(XElement item, string name) =>
        (string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value.Trim();
}
