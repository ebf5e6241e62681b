using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Leads.Contacts;

/// <summary>
/// Contacts: the book the inbox path matches arrivals in, merges, names, and the visibility rule for lists.
/// </summary>
internal static class ContactsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ContactBook>().InstancePerLifetimeScope();
        builder.RegisterType<ContactMerger>().InstancePerLifetimeScope();
        builder.RegisterType<Names>().InstancePerLifetimeScope();
        builder.RegisterType<ContactVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<ContactViews>().InstancePerLifetimeScope();
        builder.RegisterType<ListContacts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetContact.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateContact.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListContacts.Map(api);
        GetContact.Map(api);
        UpdateContact.Map(api);
    }
}
