using Autofac;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Kernel;

/// <summary>Registers what the kernel itself provides to every module.</summary>
public sealed class KernelModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        // One collector per unit of work: steps raise, the DbContext's save dispatches (Events/EventDispatcher).
        builder.RegisterType<EventDispatcher>().As<IDomainEvents>().As<IDomainEventDispatcher>().InstancePerLifetimeScope();

        // The turn to write of the background writers (the inbox, routing rounds): a semaphore on SQLite, free elsewhere.
        builder.RegisterType<Data.WriteGate>().As<Data.IWriteGate>().SingleInstance();

        // Real time: notices leave after the commit that caused them (in-process, or through the database to every
        // node: the host registers the provider's ISqlDialect and, where it broadcasts, the listener feeding INoticeReceiver).
        builder.RegisterType<Notifier>().As<INotifier>().InstancePerLifetimeScope();
        builder.RegisterType<NoticeHub>().AsSelf().As<INoticeHub>().As<INoticeReceiver>().SingleInstance();
        builder.RegisterType<NoticeInterceptor>().SingleInstance();
        builder.RegisterType<NoticeDbOptions>().As<IDbContextOptionsConfiguration<Data.ContactCenterDbContext>>().SingleInstance();

        // Phone numbers are read in one configured region wherever they enter (forms, outreach, searches, webhooks).
        builder.Register(c => Values.PhoneNumberReader.From(c.Resolve<IConfiguration>())).SingleInstance();
    }
}
