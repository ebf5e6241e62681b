using ContactCenter.Host;
using Quartz;

namespace ContactCenter.Host.Setup;

internal static class SchedulerSetup
{
    /// <summary>
    /// Quartz with its persistent ADO.NET store in the product's own database. Quartz provisions its
    /// <c>QRTZ_</c> tables itself at start (its published table script for the provider, create-if-missing); on
    /// PostgreSQL and SQL Server the nodes form a cluster so each sweep runs once.
    /// </summary>
    public static void AddScheduler(this WebApplicationBuilder builder, ContactCenterSettings settings)
    {
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(o =>
            {
                o.InstanceName = "ContactCenter";
                o.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();

                // After the database was down, sweeps resume within seconds of its return instead of Quartz's 15 s.
                store.ConfigureStore(o => o.DbRetryInterval = TimeSpan.FromSeconds(2));
                switch (settings.Provider)
                {
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(settings.ConnectionString);
                        store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(settings.ConnectionString);
                        store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                        break;
                    default:
                        store.UseSqlite(settings.ConnectionString);
                        break;
                }
            });

            foreach (var module in Modules.All)
            {
                module.ConfigureJobs(quartz);
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
