using Autofac;
using Autofac.Extensions.DependencyInjection;
using ContactCenter.Kernel;
using ContactCenter.Kernel.Modules;

namespace ContactCenter.Host.Setup;

internal static class ModulesSetup
{
    /// <summary>Autofac is the container; the kernel and then each module register through their Autofac module.</summary>
    public static void AddModules(this WebApplicationBuilder builder, IReadOnlyList<IContactCenterModule> modules)
    {
        builder.AddClock();
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterModule<KernelModule>();
            foreach (var module in modules)
            {
                container.RegisterInstance(module).As<IContactCenterModule>();
                if (module is Autofac.Core.IModule registrations)
                {
                    container.RegisterModule(registrations);
                }
            }
        });
    }
}
