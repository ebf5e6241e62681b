using ContactCenter.RoutingBench.Database;

namespace ContactCenter.RoutingBench;

/// <summary>
/// Routing at the scale (<see cref="Scenario"/>). Always: the rule in memory (decision p50/p99, full rounds).
/// With <c>--database sqlite</c> or <c>--postgres "&lt;connection string&gt;"</c>: also one full backlog round against a
/// fresh database through the real host, set beside the in-memory round of the same run.
/// (Not top-level statements: the host's own <c>Program</c> is the entry point the in-process host starts from.)
/// </summary>
internal static class BenchProgram
{
    private const string Usage = """
        Usage: ContactCenter.RoutingBench [--database sqlite | --postgres "<connection string>"] [--bare] [--keep]
          (no option)         the routing rule in memory only
          --database sqlite   also a full backlog round against a fresh SQLite file in a temporary folder
          --postgres "..."    also a full backlog round against a new database cc_bench_<id> on that server
                              (this machine only; the role needs CREATEDB), dropped at the end
          --bare              store the waiting work items alone, without their conversations, contacts,
                              timelines and arrival decisions (the bench before 2026-12-08; not a real backlog)
          --keep              keep the database and its folder afterwards
        """;

    public static async Task<int> Main(string[] args)
    {
        string? database = null, postgres = null;
        var keep = false;
        var bare = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database" when i + 1 < args.Length:
                    database = args[++i].ToLowerInvariant();
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    database ??= "postgres";
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--bare":
                    bare = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return args[i] is "--help" or "-h" ? 0 : 2;
            }
        }

        if (database is not (null or "sqlite" or "postgres") || (database == "postgres" && postgres is null))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var now = DateTime.UtcNow;
        var scenario = Scenario.Create(now);
        var inMemory = InMemoryRounds.Measure(scenario, now);
        InMemoryRounds.Print(inMemory);
        if (database is null)
        {
            return 0;
        }

        BenchHost host;
        try
        {
            host = await BenchHost.StartAsync(database == "postgres" ? postgres : null, keep);
        }
        catch (Exception e) when (e is ArgumentException or System.Data.Common.DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Cannot measure against the database: {e.Message}");
            return 3;
        }

        await using (host)
        {
            var figures = await DatabaseRound.MeasureAsync(host, scenario, now, bare);
            DatabaseRound.Print(figures, inMemory);
        }

        return 0;
    }
}
