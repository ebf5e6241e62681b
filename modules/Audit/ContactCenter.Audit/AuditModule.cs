using Autofac;
using ContactCenter.Audit.Browsing;
using ContactCenter.Audit.Recording;
using ContactCenter.Audit.Ui;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Audit;

/// <summary>
/// The audit log (docs/security.md): every module records through the kernel's <see cref="IAuditLog"/>, this module
/// stores the entries (table <c>Audit_Entries</c>, append-only) and shows them to admins (API and page).
/// </summary>
public sealed class AuditModule : Module, IContactCenterModule
{
    public const string ModuleName = "Audit";
    public string Name => ModuleName;
    public System.Reflection.Assembly? UiAssembly => typeof(AuditModule).Assembly;
    public IReadOnlyList<NavItem> NavItems => AuditMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<AuditLog>().As<IAuditLog>().InstancePerLifetimeScope();
        builder.RegisterType<ListAuditEntries.Handler>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => ListAuditEntries.Map(api);
}
