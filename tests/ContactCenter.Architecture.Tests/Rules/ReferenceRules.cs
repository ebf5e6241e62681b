namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// The "who may reference whom" rules. Pure functions: an assembly name and the names it references in,
/// readable violations out (empty = rule kept), so real assemblies and fixtures go through the same code.
/// </summary>
internal static class ReferenceRules
{
    /// <summary>The Kernel is the bottom layer: it knows no module, contract, plugin or host.</summary>
    public static IReadOnlyList<string> Kernel(string kernel, IEnumerable<string> references) =>
    [
        .. references.Where(Names.IsOurs).Select(r =>
            $"{kernel} references {r}; the Kernel must not depend on any other ContactCenter assembly."),
    ];

    /// <summary>Rule a: a module uses the Kernel and other modules' contracts, never their implementations.</summary>
    public static IReadOnlyList<string> Module(string module, IEnumerable<string> references) =>
    [
        .. references.Where(Names.IsOurs)
            .Where(r => r != Names.Kernel && !Names.IsContracts(r) && !(module == Names.ChannelsModule && r == Names.Sdk))
            .Select(r => Names.IsPlugin(r) || r == Names.Sdk
                ? $"{module} references {r}; only ContactCenter.Channels may reference the channel SDK, and nothing references a plugin."
                : $"{module} references {r}; a module may reference only {Names.Kernel} and .Contracts assemblies (reach {r} through its .Contracts or the event bus)."),
    ];

    /// <summary>Rule b: contracts use the Kernel and other contracts only, and never expose EF Core.</summary>
    public static IReadOnlyList<string> Contracts(string contracts, IEnumerable<string> references)
    {
        var list = references.ToList();
        return
        [
            .. list.Where(Names.IsOurs)
                .Where(r => r != Names.Kernel && !Names.IsContracts(r) && !(contracts == Names.ChannelsContracts && r == Names.Sdk))
                .Select(r => $"{contracts} references {r}; a .Contracts assembly may only reference the Kernel and other .Contracts."),
            .. list.Where(Names.IsEfCore)
                .Select(r => $"{contracts} references {r}; contracts are DTOs, facades and events, EF Core stays in the module."),
        ];
    }

    /// <summary>Rule c (references): a plugin sees the core only through the channel SDK.</summary>
    public static IReadOnlyList<string> Plugin(string plugin, IEnumerable<string> references) =>
    [
        .. references.Where(Names.IsOurs).Where(r => r != Names.Sdk)
            .Select(r => $"{plugin} references {r}; a plugin may reference {Names.Sdk} only."),
    ];

    /// <summary>Rule d (assembly): the host loads plugins at run time and never compiles against one.</summary>
    public static IReadOnlyList<string> Host(string host, IEnumerable<string> references) =>
    [
        .. references.Where(Names.IsPlugin)
            .Select(r => $"{host} references the plugin {r}; plugins are loaded from plugins/<id>/ at run time."),
    ];

    /// <summary>Rule e: third parties build against the SDK, so it drags in nothing but the BCL and logging.</summary>
    public static IReadOnlyList<string> Sdk(string sdk, IEnumerable<string> references, IReadOnlySet<string> baseClassLibrary) =>
    [
        .. references.Where(r => !baseClassLibrary.Contains(r) && r != "Microsoft.Extensions.Logging.Abstractions")
            .Select(r => $"{sdk} references {r}; the SDK may reference only the BCL and Microsoft.Extensions.Logging.Abstractions."),
    ];
}
