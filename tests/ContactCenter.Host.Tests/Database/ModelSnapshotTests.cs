using ContactCenter.Host.Setup;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Tests.Database;

/// <summary>
/// The migrations' model snapshot (what <c>dotnet ef migrations add</c> drafts from) is the model of every module: an
/// entity changed without its migration fails here, as <c>dotnet ef migrations has-pending-model-changes</c> fails in
/// .ci/run. Not SQL Server: its index filters are not in the provider-neutral snapshot (db/README.md).
/// </summary>
public sealed class ModelSnapshotTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_snapshot_of_the_migrations_is_the_model(string provider)
    {
        using var db = DesignTimeContextFactory.Create(Enum.Parse<DatabaseProvider>(provider));

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no migration describes on {provider}: add a migration (db/README.md, \"Adding a migration\").");
    }
}
