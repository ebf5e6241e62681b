using System.Diagnostics;
using System.Net.Sockets;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// The built host as its own process on a loopback port, on a given database, so a test can kill it with SIGKILL
/// (<see cref="Process.Kill(bool)"/> on Linux) — no shutdown hook, no flush, as a power cut or the OOM killer — and
/// start it again on the same database and data folder.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, string baseUrl, StreamWriter log)
    {
        _process = process;
        BaseUrl = baseUrl;
        _log = log;
    }

    public string BaseUrl { get; }

    public static async Task<HostProcess> StartAsync(TestDatabase database, string logName)
    {
        var projectDirectory = Path.Combine(TestPaths.RepoRoot, "host", "ContactCenter.Host");
        var hostDll = Path.Combine(projectDirectory, "bin", TestPaths.Configuration, "net10.0", "ContactCenter.Host.dll");
        Assert.True(File.Exists(hostDll), $"The host is not built: {hostDll}");
        int port;
        using (var listener = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[hostDll, $"--urls={baseUrl}", $"--contentRoot={projectDirectory}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ContactCenter__DataDirectory"] = database.DataDirectory;
        start.Environment["ContactCenter__Bootstrap__AdminApiKey"] = TestHost.AdminApiKey;
        start.Environment["ContactCenter__SeedDemoData"] = "false";
        start.Environment["ContactCenter__DemoChatbot"] = "false";
        start.Environment["ContactCenter__PluginsDirectory"] = TestPaths.PluginsDirectory;
        start.Environment["Database__Provider"] = database.Kind.ToString();
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString ?? string.Empty;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var log = new StreamWriter(Path.Combine(database.DataDirectory, logName)) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, baseUrl, log);
        await host.WaitUntilReadyAsync(Path.Combine(database.DataDirectory, logName));
        return host;
    }

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-transaction.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestHost.AdminApiKey);
        return client;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(string logFile)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var tail = string.Join(Environment.NewLine, (await reader.ReadToEndAsync()).Split('\n').TakeLast(30));

        throw new InvalidOperationException($"The host did not become ready at {BaseUrl}. Its last output:{Environment.NewLine}{tail}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
