using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.LoadGenerator.Target;

/// <summary>
/// The real host, started as its own process on a free loopback port over the scratch database, with demo data
/// off and a bootstrap admin API key. Its console goes to host.log in the data folder (the tail is shown if it
/// fails). Stopped with SIGTERM (then killed) at the end.
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private Process _process;
    private Task _logCopy;

    private ProductHost(ProcessStartInfo start, Uri url, string logFile)
    {
        _start = start;
        Url = url;
        LogFile = logFile;
        (_process, _logCopy) = Launch(start, logFile, FileMode.Create);
    }

    public Uri Url { get; }

    public string LogFile { get; }

    /// <summary>The host's process id, to read its resident memory.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the host process has used so far (user + system), to tell CPU cost per message from waiting.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ProductHost> StartAsync(
        string hostDll, ScratchDatabase database, string apiKey, TimeSpan startTimeout, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(hostDll))
        {
            throw new TargetException($"The host is not built: {hostDll} is missing. Build it first: dotnet build ContactCenter.sln -c Release");
        }

        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add($"--urls={url}");
        start.ArgumentList.Add($"--contentRoot={Path.GetDirectoryName(hostDll)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["ContactCenter__DataDirectory"] = database.DataDirectory;
        start.Environment["ContactCenter__SeedDemoData"] = "false";
        start.Environment["ContactCenter__Bootstrap__AdminApiKey"] = apiKey;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var logFile = Path.Combine(database.DataDirectory, "host.log");
        var host = new ProductHost(start, url, logFile);
        try
        {
            await host.WaitUntilReadyAsync(startTimeout, ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The fault a crash or an OOM kill makes: <c>kill -9</c> (no shutdown, whatever batch is in flight is cut
    /// off), then the same host started again on the same port and database, ready.</summary>
    public async Task KillAndRestartAsync(TimeSpan startTimeout, CancellationToken ct)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
        await _logCopy;
        _process.Dispose();
        (_process, _logCopy) = Launch(_start, LogFile, FileMode.Append);
        await WaitUntilReadyAsync(startTimeout, ct);
    }

    /// <summary>Stops the host as an operator would (SIGTERM, then the shutdown grace) and starts it again on the same
    /// port and database with these settings changed (environment variables, e.g. <c>ContactCenter__Outbox__BackgroundSending</c>).</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan startTimeout, CancellationToken ct)
    {
        await StopAsync();
        foreach (var (key, value) in settings)
        {
            _start.Environment[key] = value;
        }

        (_process, _logCopy) = Launch(_start, LogFile, FileMode.Append);
        await WaitUntilReadyAsync(startTimeout, ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        await _logCopy;
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < giveUpAt)
        {
            if (_process.HasExited)
            {
                throw new TargetException($"The host exited with code {_process.ExitCode} while starting.\n{await TailAsync()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // not listening yet
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        throw new TargetException($"The host was not ready (/health/ready) within {timeout.TotalSeconds:0} s.\n{await TailAsync()}");
    }

    private async Task<string> TailAsync()
    {
        await Task.Delay(200);
        await using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n');
        return $"Last lines of {LogFile}:\n" + string.Join('\n', lines.TakeLast(25));
    }

    private static (Process Process, Task LogCopy) Launch(ProcessStartInfo start, string logFile, FileMode mode)
    {
        var process = Process.Start(start) ?? throw new TargetException("Could not start 'dotnet'.");
        var log = new FileStream(logFile, mode, FileAccess.Write, FileShare.ReadWrite);
        var copy = Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(log, CancellationToken.None),
            process.StandardError.BaseStream.CopyToAsync(log, CancellationToken.None))
            .ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        return (process, copy);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
