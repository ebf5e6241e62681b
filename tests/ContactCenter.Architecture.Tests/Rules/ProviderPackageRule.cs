namespace ContactCenter.Architecture.Tests.Rules;

/// <summary>
/// No project under modules/ (Kernel, contracts, implementations) depends on a database provider: what differs
/// between databases is the Kernel's <c>ISqlDialect</c>, implemented in db/ContactCenter.Db.&lt;Provider&gt; and
/// chosen by the host. Checked on the packages restore resolved for the project (its own and those that come
/// through a reference, e.g. a provider the Kernel would drag into every module) and on the compiled references.
/// </summary>
internal static class ProviderPackageRule
{
    // Prefixes of the ADO.NET drivers and EF Core providers a module could reach for.
    private static readonly string[] Providers =
    [
        "Npgsql",
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer",
        "Microsoft.EntityFrameworkCore.InMemory",
        "Microsoft.EntityFrameworkCore.Cosmos",
        "Microsoft.Data.Sqlite",
        "Microsoft.Data.SqlClient",
        "System.Data.SqlClient",
        "System.Data.SQLite",
        "SQLitePCLRaw",
        "MySql",
        "MySqlConnector",
        "Pomelo.EntityFrameworkCore",
        "Oracle.",
        "FirebirdSql",
    ];

    public static bool IsProvider(string name) => Providers.Any(p =>
        name.Equals(p, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(p.EndsWith('.') ? p : p + ".", StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Check(string project, IEnumerable<string> packages, IEnumerable<string> assemblyReferences) =>
    [
        .. packages.Where(IsProvider).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(p => $"{project} depends on the database provider package {p}; modules use the Kernel's ISqlDialect, providers live in db/ContactCenter.Db.<Provider> and only the host references them."),
        .. assemblyReferences.Where(IsProvider).Order(StringComparer.Ordinal)
            .Select(a => $"{project} references the database provider assembly {a}; provider-specific code belongs in db/ContactCenter.Db.<Provider>."),
    ];
}
