namespace ContactCenter.Host.Tests.SqlServer;

/// <summary>The integration suite runs on SQL Server as it runs on PostgreSQL: no PostgreSQL variant lacks its twin.</summary>
public sealed class SqlServerVariantsTests
{
    [Fact]
    public void Every_test_class_run_on_PostgreSQL_also_runs_on_SQL_Server()
    {
        var classes = typeof(SqlServerVariantsTests).Assembly.GetTypes().Where(t => !t.IsAbstract).ToList();
        var onSqlServer = classes.Where(t => t.Name.EndsWith("OnSqlServer", StringComparison.Ordinal))
            .Select(t => t.BaseType!)
            .ToHashSet();

        var onPostgres = classes.Where(t => t.Name.EndsWith("OnPostgres", StringComparison.Ordinal)).ToList();
        var missing = onPostgres.Where(t => !onSqlServer.Contains(t.BaseType!)).Select(t => t.Name).ToList();

        Assert.NotEmpty(onPostgres);
        Assert.True(missing.Count == 0, "Add to SqlServer/SqlServerVariants.cs the SQL Server variants of: " + string.Join(", ", missing));
    }
}
