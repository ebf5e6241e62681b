using ContactCenter.Host;
using Quartz;

namespace ContactCenter.Host.Setup;

internal static class SchedulerSetup
{
    /// <summary>
    /// Quartz with its persistent ADO.NET store in the product's own database. Quartz provisions its
    /// <c>QRTZ_</c> tables itself at start; on PostgreSQL the nodes form a cluster so each sweep runs once.
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
                if (settings.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(settings.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(settings.ConnectionString);
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
