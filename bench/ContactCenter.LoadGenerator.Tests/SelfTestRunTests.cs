namespace ContactCenter.LoadGenerator.Tests;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Whole runs of the tool against its own stand-in endpoint, short and small: a sound target passes (exit 0,
/// report written and labelled a self-test), a target that loses or doubles messages makes the run fail (exit 1).
/// </summary>
public abstract class SelfTestRunTests(DatabaseKind database)
{
    private static readonly string? Postgres = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");

    [Fact]
    public async Task A_sound_target_passes_and_the_report_says_it_is_the_tools_self_test()
    {
        var (exit, output, results) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Self-test of the load generator", output, StringComparison.Ordinal);
        Assert.Contains("Nothing lost, nothing doubled: **yes**", output, StringComparison.Ordinal);
        Assert.Matches(@"Duplicate deliveries: re-posted / acknowledged / new messages \| 30 / 30 / 0 ", output);
        var file = Assert.Single(Directory.GetFiles(results));
        Assert.EndsWith($"-{database.ToString().ToLowerInvariant()}-self-test.md", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_loses_messages_fails_the_run()
    {
        var (exit, output, _) = await RunAsync("--self-test-fault", "lose");

        Assert.Equal(1, exit);
        Assert.Matches(@"\| Lost: acknowledged but never stored \| [1-9][0-9,]* of ", output);
    }

    [Fact]
    public async Task A_target_that_stores_a_duplicate_delivery_again_fails_the_run()
    {
        var (exit, output, _) = await RunAsync("--self-test-fault", "duplicate");

        Assert.Equal(1, exit);
        Assert.Contains("| 30 / 30 / 30 |", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string ResultsDir)> RunAsync(params string[] extra)
    {
        Assert.SkipWhen(database == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(Postgres), "CC_TEST_POSTGRES is not set.");
        var results = Directory.CreateTempSubdirectory("cc-bench-results-").FullName;
        string[] args =
        [
            "--self-test", "--provider", database.ToString().ToLowerInvariant(),
            "--connections", "4", "--warmup", "0", "--duration", "10s", "--count", "300", "--sample-every", "20",
            "--duplicates", "30", "--settle-timeout", "20s", "--results-dir", results,
            .. database == DatabaseKind.Postgres ? new[] { "--postgres", Postgres! } : [],
            .. extra,
        ];
        using var output = new StringWriter();
        var exit = await LoadGeneratorApp.RunAsync(args, output, TextWriter.Null, CancellationToken.None);
        return (exit, output.ToString(), results);
    }
}

public sealed class SelfTestRunTestsOnSqlite() : SelfTestRunTests(DatabaseKind.Sqlite);

public sealed class SelfTestRunTestsOnPostgres() : SelfTestRunTests(DatabaseKind.Postgres);
