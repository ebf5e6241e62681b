using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Routing;

/// <summary>Runs a backlog round whenever <see cref="RoundSignal"/> is raised (the timed rounds are a Quartz job).</summary>
internal sealed class RoundRunner(RoundSignal signal, BacklogRounds rounds, ILogger<RoundRunner> logger) : BackgroundService
{
    /// <summary>The signal comes from inside the triggering transaction: give it this long to commit.</summary>
    private static readonly TimeSpan CommitGrace = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(stoppingToken);
                await Task.Delay(CommitGrace, stoppingToken);
                await rounds.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "An immediate backlog round failed; the timed round will try again");
            }
        }
    }
}
