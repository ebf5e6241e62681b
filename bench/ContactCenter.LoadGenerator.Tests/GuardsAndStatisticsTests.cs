using ContactCenter.LoadGenerator.Load;

namespace ContactCenter.LoadGenerator.Tests;

public sealed class GuardsAndStatisticsTests
{
    [Theory]
    [InlineData("--url", "http://10.1.2.3:5000")]
    [InlineData("--url", "http://example.com")]
    [InlineData("--postgres", "Host=db.example.com;Username=cc;Password=cc")]
    [InlineData("--postgres", "Host=127.0.0.1,192.168.0.10;Username=cc")]
    public void Targets_off_this_machine_are_refused(string option, string value)
    {
        var e = Assert.Throws<UsageException>(() => Options.Parse(["--provider", "postgres", option, value, "--api-key", "k"]));
        Assert.Contains("loopback", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_targets_are_accepted()
    {
        var o = Options.Parse(["--provider", "postgres", "--url", "http://127.0.0.1:5123/anything", "--api-key", "k", "--postgres", "Host=localhost;Username=cc"]);
        Assert.Equal(new Uri("http://127.0.0.1:5123/"), o.Url);
        Assert.True(Loopback.IsLoopbackHost("::1"));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("500ms", 0.5)]
    [InlineData("12", 12)]
    public void Durations_read_as_written(string text, double seconds) =>
        Assert.Equal(seconds, Options.Time("--duration", text, allowZero: false).TotalSeconds, 6);

    [Theory]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "2h")]
    [InlineData("--connections", "0")]
    [InlineData("--url", "http://127.0.0.1:5000")]
    [InlineData("--self-test-fault", "lose")]
    public void Unbounded_or_incomplete_runs_are_refused(string option, string value) =>
        Assert.Throws<UsageException>(() => Options.Parse([option, value]));

    [Theory]
    [InlineData("--self-test", "--kill-after", "100")]
    [InlineData("--self-test", "--malformed-every", "10")]
    [InlineData("--self-test", "--outbound", "100")]
    public void Product_faults_and_outbound_are_refused_with_the_stand_in(string first, string option, string value) =>
        Assert.Throws<UsageException>(() => Options.Parse([first, option, value]));

    [Fact]
    public void An_attached_host_cannot_be_killed_by_the_tool() =>
        Assert.Throws<UsageException>(() => Options.Parse(["--url", "http://127.0.0.1:5000", "--api-key", "k", "--kill-after", "100"]));

    [Fact]
    public void The_gc_heap_is_summed_over_its_generations_from_a_prometheus_scrape()
    {
        const string scrape = """
            # TYPE dotnet_gc_last_collection_heap_size_bytes gauge
            dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen0"} 1000
            dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="loh"} 2.5e3
            dotnet_gc_last_collection_heap_size_bytes_total 99
            dotnet_process_memory_working_set_bytes 123456
            """;

        Assert.Equal(3500, Checks.HostMemory.Sum(scrape, "dotnet_gc_last_collection_heap_size_bytes"));
        Assert.Equal(123456, Checks.HostMemory.Sum(scrape, "dotnet_process_memory_working_set_bytes"));
        Assert.Null(Checks.HostMemory.Sum(scrape, "process_resident_memory_bytes"));
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_every_sample()
    {
        var summary = LatencySummary.FromMilliseconds(Enumerable.Range(1, 1000).Select(i => (double)i).Reverse());

        Assert.Equal(1000, summary.Count);
        Assert.Equal(500, summary.P50);
        Assert.Equal(990, summary.P99);
        Assert.Equal(999, summary.P999);
        Assert.Equal(1000, summary.Max);
        Assert.Equal(0, LatencySummary.Empty.Count);
    }
}
