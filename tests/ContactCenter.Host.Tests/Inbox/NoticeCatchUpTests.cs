using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>
/// A node whose LISTEN connection drops (PostgreSQL restarted, a network blip, an idle-connection killer) reconnects
/// and still hears what other nodes said meanwhile, once. PostgreSQL only: elsewhere there is no LISTEN to lose
/// (SQLite is one node; SQL Server's nodes read a table).
/// </summary>
public sealed class NoticeCatchUpTests() : InboxTest(DatabaseKind.Postgres)
{
    private static readonly Guid Agent = Guid.CreateVersion7();

    [Fact]
    public async Task A_notice_sent_while_the_listen_connection_was_down_arrives_once_after_it_reconnects()
    {
        using var listener = Listen(Agent);
        await CommitNoticeAsync(new UserNotice(Agent, NoticeKinds.Message, null, "before"));
        Assert.Equal("before", (await listener.NextAsync()).Text);

        await KillListenConnectionAsync();
        await CommitNoticeAsync(new UserNotice(Agent, NoticeKinds.Assigned, null, "during the outage"));

        // It reconnects by itself (within seconds) and catches up on what it missed, not on what it had heard
        // ("before" again would come first), and before anything it hears afterwards.
        Assert.Equal("during the outage", (await listener.NextAsync()).Text);
        await CommitNoticeAsync(new UserNotice(Agent, NoticeKinds.Message, null, "after"));
        Assert.Equal("after", (await listener.NextAsync()).Text);
        Assert.False(listener.HeardAnything);
    }

    /// <summary>
    /// Ends this host's LISTEN backend the way an operator or a failover would, and waits until PostgreSQL has let it
    /// go: a notice committed now has no listener of this node to reach.
    /// </summary>
    private async Task KillListenConnectionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        const string Backends = """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'ContactCenter notices' AND pid <> pg_backend_pid()
            """;
        var killed = 0;
        await using (var kill = new NpgsqlCommand($"SELECT count(pg_terminate_backend(pid)) FROM ({Backends}) b", connection))
        {
            killed = Convert.ToInt32(await kill.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(1, killed);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var left = new NpgsqlCommand($"SELECT count(*) FROM ({Backends}) b", connection);
            if (Convert.ToInt32(await left.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The listen backend did not end.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private string ConnectionString()
    {
        using var scope = Host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Database.GetConnectionString()!;
    }

    private async Task CommitNoticeAsync(Notice notice)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        scope.ServiceProvider.GetRequiredService<INotifier>().Notify(notice);
        await transaction.CommitAsync();
    }
}
