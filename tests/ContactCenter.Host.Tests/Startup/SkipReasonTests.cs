using System.Diagnostics;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Startup;

/// <summary>
/// A newcomer who runs `dotnet test` without PostgreSQL or Chromium is told once, before the run, why tests are skipped
/// (`dotnet test` itself lists skipped tests without their reason). The explanation is an MSBuild target that runs before
/// VSTest (tests/Directory.Build.targets); this runs that target the way `dotnet test` does and reads what it prints.
/// </summary>
public sealed class SkipReasonTests
{
    [Fact]
    public async Task Without_PostgreSQL_the_test_run_says_why_its_variants_are_skipped()
    {
        var output = await RunTargetAsync("ContactCenter.Host.Tests", "ExplainPostgresSkips", ("CC_TEST_POSTGRES", null));

        Assert.Contains("CC_TEST_POSTGRES is not set", output);
        Assert.Contains("Host=127.0.0.1;Port=5432", output);
    }

    [Fact]
    public async Task With_PostgreSQL_configured_nothing_is_said()
    {
        var output = await RunTargetAsync("ContactCenter.Host.Tests", "ExplainPostgresSkips", ("CC_TEST_POSTGRES", "Host=127.0.0.1"));

        Assert.DoesNotContain("is not set", output);
    }

    [Fact]
    public async Task Without_Chromium_the_browser_test_run_says_why_it_skips()
    {
        var output = await RunTargetAsync("ContactCenter.Ui.Tests", "ExplainChromiumSkips", ("CC_TEST_CHROMIUM", "/nonexistent/chromium"));

        Assert.Contains("Chromium was not found at /nonexistent/chromium", output);
    }

    private static async Task<string> RunTargetAsync(string project, string target, (string Name, string? Value) variable)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", $"tests/{project}/{project}.csproj", $"-t:{target}", "-nologo", "-v:m", "-tl:off" })
        {
            start.ArgumentList.Add(argument);
        }

        if (variable.Value is null)
        {
            start.Environment.Remove(variable.Name);
        }
        else
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet msbuild -t:{target} exited with {process.ExitCode}: {output}");
        return output;
    }
}
