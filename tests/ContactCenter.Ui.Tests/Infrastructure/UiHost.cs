using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ContactCenter.Ui.Tests.Infrastructure;

/// <summary>
/// The built host as its own process on a loopback port, as a customer runs it, on a fresh SQLite data folder
/// seeded with the demo organisation (logins admin, supervisor, ana, bruno, carla). A child process rather than
/// WebApplicationFactory: in-process with Kestrel, static files came back empty, so the browser got no stylesheet.
/// </summary>
public sealed class UiHost : IAsyncDisposable
{
    public const string DemoPassword = "demo1234";

    private readonly Process _process;
    private readonly string _dataDirectory;

    private UiHost(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    private string LogFile => Path.Combine(_dataDirectory, "host-console.log");

    /// <summary>What the host printed so far (its console: the lines an admin sees).</summary>
    public IReadOnlyList<string> LogLines()
    {
        // The writer keeps the file open; share it instead of waiting for the host to stop.
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Starts the host, telling it its address the way <paramref name="urls"/> says (an admin may use any of them), on
    /// <paramref name="port"/> when given (a node restarted behind a proxy comes back where the proxy expects it).
    /// </summary>
    public static async Task<UiHost> StartAsync(UrlsForm urls = UrlsForm.EqualsSign, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var projectDirectory = Path.Combine(RepoRoot(), "host", "ContactCenter.Host");
        var configuration = typeof(UiHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var hostDll = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "ContactCenter.Host.dll");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cc-ui-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var baseUrl = $"http://127.0.0.1:{port ?? FreePort()}";

        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as with 'dotnet run': its wwwroot holds the stylesheet.
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] urlArguments = urls switch
        {
            UrlsForm.EqualsSign => [$"--urls={baseUrl}"],
            UrlsForm.SeparateValue => ["--urls", baseUrl],
            _ => [],
        };
        foreach (var argument in (string[])[hostDll, .. urlArguments, $"--contentRoot={projectDirectory}"])
        {
            start.ArgumentList.Add(argument);
        }

        if (urls == UrlsForm.EnvironmentVariable)
        {
            start.Environment["ASPNETCORE_URLS"] = baseUrl;
        }

        start.Environment["ContactCenter__DataDirectory"] = dataDirectory;
        start.Environment["ContactCenter__SeedDemoData"] = "true";
        start.Environment["ContactCenter__DemoChatbot"] = "false";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = string.Empty;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new UiHost(process, baseUrl, dataDirectory);
        var log = new StreamWriter(host.LogFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilLiveAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
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

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the request timeout.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer (a loaded machine starting several hosts): ask again until the deadline.
            }

            await Task.Delay(250);
        }

        var tail = File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(30)) : "(no output)";
        throw new InvalidOperationException($"The host did not come up at {BaseUrl}. Its last output:{Environment.NewLine}{tail}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The log file may still be open for a moment; the temp folder is disposable anyway.
        }
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContactCenter.sln not found above the test folder.");
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does: no shutdown, no flush, nothing finished.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The standard ways to give an ASP.NET Core host its address.</summary>
public enum UrlsForm
{
    /// <summary><c>--urls=http://…</c></summary>
    EqualsSign,

    /// <summary><c>--urls http://…</c></summary>
    SeparateValue,

    /// <summary><c>ASPNETCORE_URLS=http://…</c></summary>
    EnvironmentVariable,
}
