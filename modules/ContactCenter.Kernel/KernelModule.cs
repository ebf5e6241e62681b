using Autofac;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Kernel;

/// <summary>Registers what the kernel itself provides to every module.</summary>
public sealed class KernelModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<EventBus>().As<IEventBus>().InstancePerLifetimeScope();

        // Real time: notices leave after the commit that caused them (in-process, or through PostgreSQL to every node).
        builder.RegisterType<Notifier>().As<INotifier>().InstancePerLifetimeScope();
        builder.RegisterType<NoticeHub>().AsSelf().As<INoticeHub>().SingleInstance();
        builder.RegisterType<NoticeInterceptor>().SingleInstance();
        builder.RegisterType<NoticeDbOptions>().As<IDbContextOptionsConfiguration<Data.ContactCenterDbContext>>().SingleInstance();
        builder.RegisterType<PostgresNoticeListener>().As<IHostedService>().SingleInstance();
    }
}
