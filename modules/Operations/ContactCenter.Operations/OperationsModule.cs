using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Operations.Jobs;
using ContactCenter.Operations.Overview;
using ContactCenter.Operations.Ui;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Operations;

/// <summary>
/// What IT opens when something seems stuck: the scheduled jobs (Quartz, the one scheduler) with their last and next
/// runs, last error and "executar agora"; and what supervisors watch: the "Operação" page's live figures
/// (docs/operations.md). Owns no tables: it reads the scheduler and the other modules' contracts.
/// </summary>
public sealed class OperationsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Operations";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(OperationsModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => OperationsMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        JobsFeature.Register(builder);
        OverviewFeature.Register(builder);
    }

    /// <summary>No tables: the jobs are Quartz's (scanning this assembly for configurations would only log that it found none).</summary>
    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        JobsFeature.Map(api);
        OverviewFeature.Map(api);
    }

    public void ConfigureJobs(IQuartzBuilder quartz) => JobsFeature.Listen(quartz);
}
