using Autofac;
using ContactCenter.Kernel.Modules;
using ContactCenter.Leads.Contacts;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads;

/// <summary>
/// Owns contacts and leads: who a channel's sender is, public lead forms per product, new vs returning by e-mail,
/// arrivals on the timeline and unanswered-lead tasks; tables <c>Leads_*</c>.
/// </summary>
public sealed class LeadsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Leads";

    public string Name => ModuleName;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<ContactsApi>().As<IContactsApi>().InstancePerLifetimeScope();
        builder.RegisterType<ContactBook>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ContactConfiguration());
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
