using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Events;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Leads.Temperature;

/// <summary>A contact's temperature: set by agents, raised by the configured rules, every change on the timeline.</summary>
internal static class TemperatureFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.Register(c => TemperatureOptions.From(c.Resolve<IConfiguration>())).SingleInstance();
        builder.RegisterType<Thermometer>().InstancePerLifetimeScope();
        builder.RegisterType<SetTemperature.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<WarmOnArrival>().As<IEventHandler<ConversationOpened>>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api) => SetTemperature.Map(api);
}
