using System.Net;
using Npgsql;

namespace ContactCenter.LoadGenerator;

/// <summary>The tool floods whatever it points at, so it only ever points at this machine.</summary>
internal static class Loopback
{
    public static bool IsLoopbackHost(string host)
    {
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Every host in the connection string must be loopback or a local Unix socket folder.</summary>
    public static void RequirePostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--postgres is not a valid connection string: {e.Message}");
        }

        var hosts = (builder.Host ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0)
        {
            throw new UsageException("--postgres needs Host=127.0.0.1 (or another loopback address).");
        }

        foreach (var host in hosts)
        {
            // "127.0.0.1:5433" carries a port; "::1" is all colons.
            var name = host.Contains("::", StringComparison.Ordinal) ? host : host.Split(':')[0];
            if (!name.StartsWith('/') && !IsLoopbackHost(name))
            {
                throw new UsageException($"--postgres Host '{host}': only loopback servers (127.0.0.1, ::1) are allowed.");
            }
        }
    }
}
