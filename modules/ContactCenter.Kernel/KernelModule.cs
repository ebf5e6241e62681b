using Autofac;
using ContactCenter.Kernel.Events;

namespace ContactCenter.Kernel;

/// <summary>Registers what the kernel itself provides to every module.</summary>
public sealed class KernelModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<EventBus>().As<IEventBus>().InstancePerLifetimeScope();
    }
}
