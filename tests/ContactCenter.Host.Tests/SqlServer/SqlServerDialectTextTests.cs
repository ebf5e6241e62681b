using ContactCenter.Channels.Domain;
using ContactCenter.Db.SqlServer;
using ContactCenter.Host.Setup;
using ContactCenter.Kernel.Data;
using ContactCenter.Leads.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Host.Tests.SqlServer;

/// <summary>
/// The SQL Server dialect's text, without an engine: locked queries carry the right table hints, the lock across
/// nodes is an application lock, notices are read in commit order, and Quartz brings its table script.
/// </summary>
public sealed class SqlServerDialectTextTests : IDisposable
{
    private readonly ContactCenterDbContext _sqlServer = SqlServerWithoutEngineTests.Context(
        Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N")), DatabaseProvider.SqlServer, SqlServerWithoutEngineTests.NoServer);

    [Fact]
    public void Claims_of_due_work_skip_rows_other_claimers_hold()
    {
        var now = DateTime.UtcNow;
        var saturated = new List<Guid> { Guid.NewGuid() };
        var outbox = _sqlServer.Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
            .Where(m => !saturated.Contains(m.ChannelAccountId))
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(20);
        var inbox = _sqlServer.Set<InboxEntry>()
            .Where(e => e.Status == InboxStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
            .OrderBy(e => e.ReceivedAt).Take(50);

        var outboxSql = Locked(outbox, RowLock.SkipLocked);
        var inboxSql = Locked(inbox, RowLock.SkipLocked);

        Assert.Matches(@"FROM \[Channels_Outbox\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK, READPAST\)", outboxSql);
        Assert.Matches(@"FROM \[Channels_Inbox\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK, READPAST\)", inboxSql);
        Assert.Contains("TOP(", inboxSql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", outboxSql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contact_found_to_be_changed_is_locked_until_the_commit_waiting_for_its_holder()
    {
        var phone = "5511999990000";
        var sql = Locked(_sqlServer.Set<Contact>().Where(c => c.Phone == phone), RowLock.Wait);

        Assert.Matches(@"FROM \[Leads_Contacts\] AS \[\w+\] WITH \(UPDLOCK, ROWLOCK\)\s+WHERE", sql);
        Assert.DoesNotContain("READPAST", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_without_a_lock_are_sent_as_EF_wrote_them()
    {
        var sql = _sqlServer.Set<DataProtectionKey>().Where(k => k.FriendlyName.StartsWith("a")).ToQueryString();

        Assert.Equal(sql, TableHintInterceptor.AddHints(sql));
        Assert.Equal(
            "-- another tag\nSELECT 1 FROM [T] AS [t]",
            TableHintInterceptor.AddHints("-- another tag\nSELECT 1 FROM [T] AS [t]"));
    }

    [Fact]
    public void The_lock_across_nodes_is_an_application_lock_owned_by_its_transaction_that_never_waits()
    {
        var sql = SqlServerDialect.AppLockSql;

        Assert.Contains("sp_getapplock", sql, StringComparison.Ordinal);
        Assert.Contains("@LockOwner = 'Transaction'", sql, StringComparison.Ordinal);
        Assert.Contains("@LockTimeout = 0", sql, StringComparison.Ordinal);
        Assert.NotEqual(SqlServerDialect.ResourceName(1), SqlServerDialect.ResourceName(2));
    }

    [Fact]
    public void Notices_are_read_only_once_every_earlier_writer_has_committed()
    {
        // Rows below MIN_ACTIVE_ROWVERSION() are settled: a transaction that inserted earlier and commits later is read
        // on a later poll instead of being skipped by a reader that went past its row.
        Assert.Contains("MIN_ACTIVE_ROWVERSION()", SqlServerNoticeListener.ReadSql, StringComparison.Ordinal);
        Assert.Contains("[Version] < @upto", SqlServerNoticeListener.ReadSql, StringComparison.Ordinal);
        Assert.Contains("rowversion", SqlServerDatabase.NoticesTableScript, StringComparison.Ordinal);
        Assert.StartsWith("IF OBJECT_ID(", SqlServerDatabase.NoticesTableScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Quartz_brings_its_published_SQL_Server_table_script()
    {
        // What store.ProvisionSchema() runs on SQL Server (create-if-missing), and what a DBA is pointed to.
        var script = typeof(Quartz.IScheduler).Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("create_sqlServer.sql", StringComparison.Ordinal));

        Assert.NotNull(script);
    }

    public void Dispose() => _sqlServer.Dispose();

    // ToQueryString declares the parameters before the command text EF sends, which starts with the tag.
    private static string Locked<T>(IQueryable<T> query, RowLock mode)
        where T : class
    {
        var sql = SqlServerDialect.Instance.LockRows(query, mode).ToQueryString();
        var command = sql[sql.IndexOf("-- ContactCenter", StringComparison.Ordinal)..];
        return TableHintInterceptor.AddHints(command);
    }
}
