using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Update;

namespace ContactCenter.Db.SqlServer;

/// <summary>
/// Scripts the provider-neutral migrations for SQL Server with the model at hand. The migrations name CLR types and
/// carry no target model (they are written by hand), so SQL Server's generator would know neither which string
/// columns are keyed or indexed (a string without a length is <c>nvarchar(max)</c>, which cannot be indexed; a keyed
/// one is <c>nvarchar(450)</c>) nor which columns are nullable (a unique index over nullable columns needs
/// <c>WHERE ... IS NOT NULL</c> on SQL Server, where NULLs otherwise collide). The model the context is built from
/// answers both, exactly as it does when EF creates the schema from the model, so the two schemas agree.
/// </summary>
internal sealed class ModelAwareMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies, ICommandBatchPreparer commandBatchPreparer)
    : SqlServerMigrationsSqlGenerator(dependencies, commandBatchPreparer)
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default) =>
        base.Generate(operations, model ?? CurrentModel, options);

    protected override void Generate(CreateIndexOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        // The filter EF's SQL Server conventions gave the model's index (unique over nullable columns), and only that.
        if (operation.Filter is null && FindIndex(operation) is { } index)
        {
            operation.Filter = index.Filter;
        }

        base.Generate(operation, model, builder, terminate);
    }

    // EF's fallback for migrations older than EF Core 2 filters every column it cannot find in the model, nullable or
    // not; these migrations are not that old, and the filter comes from the model above.
    protected override bool UseLegacyIndexFilters(CreateIndexOperation operation, IModel? model) => false;

    private IModel CurrentModel => Dependencies.CurrentContext.Context.GetService<IDesignTimeModel>().Model;

    private ITableIndex? FindIndex(CreateIndexOperation operation) =>
        CurrentModel.GetRelationalModel().FindTable(operation.Table, operation.Schema)?.Indexes
            .FirstOrDefault(i => i.Name == operation.Name);
}
