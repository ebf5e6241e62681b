using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 between the host and its database, which a test can cut and restore: the database "stops"
/// for this host only. Cutting resets every open connection (as a server that went away does) and, until restored,
/// resets each new one right after accepting it, so the host sees exactly what a stopped database gives it — broken
/// and refused connections — while the real server and every other test using it carry on undisturbed.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    private LoopbackProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far, to show the host really went through the proxy.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private int _accepted;

    public static LoopbackProxy To(string host, int port)
    {
        var address = host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
        if (!IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException($"The proxy only forwards to this machine, not to {host}.");
        }

        return new LoopbackProxy(new IPEndPoint(address, port));
    }

    /// <summary>The database is gone: open connections are reset, new ones are reset as soon as they arrive.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    /// <summary>The database is back: new connections reach it again.</summary>
    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            if (_cut)
            {
                Reset(client);
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open.TryAdd(client, 0);
        _open.TryAdd(server, 0);
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            if (_cut)
            {
                return;
            }

            // Whichever direction ends first ends both: a half-open pair would look like a hung database.
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset by Cut or by either side.
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other direction or Cut closes the pair.
        }
    }

    /// <summary>Closes with RST (linger 0), as when a server process dies: no orderly goodbye reaches the peer.</summary>
    private void Reset(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }

        await _accepting;
        _stopping.Dispose();
    }
}
