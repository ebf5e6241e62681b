using System.Diagnostics;

namespace ContactCenter.Ui.Tests.MultiNode;

/// <summary>
/// Debian's nginx as the test's own process (never the system service) on a loopback port, running the repository's
/// deploy/nginx/contactcenter.conf rendered for the test's nodes, with an access log that names the node of each request.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _directory;

    private NginxProxy(Process process, string directory, string baseUrl)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Skips with the reason (fails in CI, where .ci/run installs it) when nginx is not installed.</summary>
    public static void SkipUnlessInstalled()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        var reason = $"nginx was not found at {Executable} (install Debian's 'nginx' package, as .ci/run does).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI must run the multi-node test: " + reason);
        }

        Assert.Skip(reason);
    }

    public static async Task<NginxProxy> StartAsync(string repoRoot, IReadOnlyList<int> nodePorts)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // nginx started as root runs its workers as 'nobody': they write the temp files and logs here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }
        var port = Infrastructure.UiHost.FreePort();
        var site = (await File.ReadAllTextAsync(Path.Combine(repoRoot, "deploy", "nginx", "contactcenter.conf")))
            .Replace("${CC_LISTEN}", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("${CC_NODES}", string.Concat(nodePorts.Select(p => $"server 127.0.0.1:{p}; ")), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(directory, "contactcenter.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                log_format nodes '$request_method $uri $status $upstream_addr';
                access_log {{directory}}/access.log nodes;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/contactcenter.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-p", directory, "-c", Path.Combine(directory, "nginx.conf")])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, directory, $"http://127.0.0.1:{port}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync(proxy.BaseUrl + "/health/live")).IsSuccessStatusCode)
                {
                    return proxy;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        var error = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : await process.StandardError.ReadToEndAsync();
        throw new InvalidOperationException("nginx did not come up: " + error);
    }

    /// <summary>The node (<c>127.0.0.1:port</c>) that served the last request whose path starts with <paramref name="pathPrefix"/>.</summary>
    public string? LastNodeFor(string pathPrefix)
    {
        using var stream = new FileStream(Path.Combine(_directory, "access.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .LastOrDefault(parts => parts.Length >= 4 && parts[1].StartsWith(pathPrefix, StringComparison.Ordinal))?[^1];
    }

    /// <summary>The last requests nginx passed on, with their nodes, and its error log: for a failure's message.</summary>
    public string LogTail()
    {
        string Tail(string file)
        {
            var path = Path.Combine(_directory, file);
            if (!File.Exists(path))
            {
                return "(none)";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(25));
        }

        return Tail("access.log") + "\n" + Tail("error.log");
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
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A worker may hold a log for a moment; the temp folder is disposable anyway.
        }
    }
}
