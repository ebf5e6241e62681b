using Quartz;

namespace ContactCenter.Operations.Jobs;

/// <summary>Quartz tells it when each job starts and ends, and with which error.</summary>
internal sealed class RecordJobRuns(JobRuns runs) : IJobListener
{
    public string Name => "contactcenter-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        runs.Started(context.JobDetail.Key);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        runs.Finished(context.JobDetail.Key, context.JobRunTime, jobException);
        return ValueTask.CompletedTask;
    }
}
