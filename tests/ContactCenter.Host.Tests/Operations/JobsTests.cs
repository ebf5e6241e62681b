using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Operations.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Host.Tests.Operations;

/// <summary>What IT opens the Hangfire dashboard for elsewhere: every timer with its next run, "executar agora", and a failing one visible on readiness.</summary>
public abstract class JobsTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Every_product_timer_is_listed_with_its_schedule_and_next_run()
    {
        var jobs = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/jobs")).AsArray();

        var names = jobs.Select(j => (string?)j!["name"]).ToList();
        Assert.Contains("routing-backlog-round", names);
        Assert.Contains("routing-first-response-timeouts", names);
        Assert.Contains("inactivity-close", names);
        Assert.Contains("unanswered-leads", names);
        Assert.All(jobs, j => Assert.NotNull((string?)j!["nextRunAt"]));
        Assert.All(jobs, j => Assert.StartsWith("every ", (string?)j!["schedule"] ?? "cron", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_now_runs_the_job_once_and_the_list_shows_how_it_went()
    {
        var admin = Host.CreateAdminClient();

        var (accepted, _) = await admin.PostJsonAsync("/api/v1/jobs/Conversations/inactivity-close/run", new { });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // The scheduler runs it on its own thread: wait (bounded) until the list says it ran.
        JsonNode? job = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            job = (await admin.GetJsonAsync("/api/v1/jobs")).AsArray().Single(j => (string?)j!["name"] == "inactivity-close");
            if ((bool?)job!["lastRunFailed"] is not null)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(false, (bool?)job!["lastRunFailed"]);
        Assert.Equal(1, (int?)job["runsOnThisNode"]);
        Assert.NotNull((string?)job["lastStartedAt"]);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_problem_and_agents_may_not_run_jobs()
    {
        var (unknown, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/jobs/routing/no-such-job/run", new { });
        await Host.CreateUserAsync("bia", "agent");
        var agent = await Host.LoginAsync("bia", Arrange.Password);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("job_not_found", (string?)problem["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_job_whose_last_run_failed_shows_its_error_in_the_list_and_on_readiness()
    {
        var runs = Host.Services.GetRequiredService<JobRuns>();
        var key = new JobKey("template-sync", "Templates");
        runs.Started(key);
        runs.Finished(key, TimeSpan.FromMilliseconds(12), new JobExecutionException(new InvalidOperationException("Graph API answered 500")));

        var ready = await Host.CreateClient().GetJsonAsync("/health/ready");
        var job = (await Host.CreateAdminClient().GetJsonAsync("/api/v1/jobs")).AsArray().Single(j => (string?)j!["name"] == "template-sync");

        Assert.Equal("Degraded", (string?)ready["status"]);
        Assert.Contains("Graph API answered 500", (string?)ready["checks"]!["jobs"]!["description"], StringComparison.Ordinal);
        Assert.Equal("Graph API answered 500", (string?)job!["lastError"]);
        Assert.Equal(1, (int?)job["failuresOnThisNode"]);
    }
}

public sealed class JobsTestsOnSqlite() : JobsTests(DatabaseKind.Sqlite);

public sealed class JobsTestsOnPostgres() : JobsTests(DatabaseKind.Postgres);
