using ContactCenter.Conversations.Domain;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>
/// Notices leave only with the commit that caused them: an agent must never be told about a conversation that was
/// rolled back. On PostgreSQL they travel through NOTIFY and this node's LISTEN connection, as between nodes.
/// </summary>
public abstract class NotifierTests(DatabaseKind kind) : InboxTest(kind)
{
    private static readonly Guid Agent = Guid.CreateVersion7();

    [Fact]
    public async Task A_notice_arrives_after_the_commit_and_not_before()
    {
        using var listener = Listen(Agent);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = Db(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Notifier(scope).Notify(new UserNotice(Agent, NoticeKinds.Assigned, null, "Ana"));
        await db.SaveChangesAsync();

        Assert.False(listener.HeardAnything);
        await transaction.CommitAsync();

        Assert.Equal(new UserNotice(Agent, NoticeKinds.Assigned, null, "Ana"), await listener.NextAsync());
    }

    [Fact]
    public async Task A_rolled_back_notice_never_arrives()
    {
        using var listener = Listen(Agent);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = Db(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Notifier(scope).Notify(new UserNotice(Agent, NoticeKinds.Assigned, null, "rolled back"));
            await transaction.RollbackAsync();
        }

        // A later committed notice arrives; the rolled-back one would have come first (same listener, commit order).
        await CommitNoticeAsync(new UserNotice(Agent, NoticeKinds.Assigned, null, "committed"));
        Assert.Equal("committed", (await listener.NextAsync()).Text);
    }

    [Fact]
    public async Task Work_rolled_back_to_a_savepoint_loses_its_notices_and_the_rest_still_go()
    {
        using var listener = Listen(Agent);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = Db(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await transaction.CreateSavepointAsync("claimed");
        Notifier(scope).Notify(new UserNotice(Agent, NoticeKinds.Message, null, "undone"));
        await transaction.RollbackToSavepointAsync("claimed");
        Notifier(scope).Notify(new UserNotice(Agent, NoticeKinds.Message, null, "after"));
        await transaction.CommitAsync();

        Assert.Equal("after", (await listener.NextAsync()).Text);
        Assert.False(listener.HeardAnything);
    }

    [Fact]
    public async Task Without_an_explicit_transaction_the_notice_goes_once_save_changes_committed()
    {
        using var listener = Listen(Agent);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = Db(scope);
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation { ContactPhone = "5511900000000", CreatedAt = now, LastMessageAt = now };
        db.Add(conversation);
        Notifier(scope).Notify(new UserNotice(Agent, NoticeKinds.Assigned, conversation.Id, "saved"));
        Assert.False(listener.HeardAnything);

        await db.SaveChangesAsync();

        var notice = await listener.NextAsync();
        Assert.Equal(conversation.Id, notice.ConversationId);
        Assert.True(await Db(scope).Set<Conversation>().AnyAsync(c => c.Id == conversation.Id));
    }

    [Fact]
    public async Task A_team_notice_reaches_the_teams_members_and_not_others()
    {
        var team = Guid.CreateVersion7();
        using var member = Listen(Agent, team);
        using var outsider = Listen(Guid.CreateVersion7(), Guid.CreateVersion7());

        await CommitNoticeAsync(new TeamNotice(team, NoticeKinds.Pool, null, "pool"));
        await CommitNoticeAsync(new UserNotice(Agent, NoticeKinds.Message, null, "barrier"));

        Assert.Equal(new TeamNotice(team, NoticeKinds.Pool, null, "pool"), await member.NextAsync());
        Assert.Equal("barrier", (await member.NextAsync()).Text);
        Assert.False(outsider.HeardAnything);
    }

    [Fact]
    public async Task Hundreds_of_notices_of_one_commit_all_arrive_in_order_with_their_texts()
    {
        // A backlog chunk's commit carries hundreds; PostgreSQL's NOTIFY takes under 8,000 bytes each time, and these
        // long, accented texts (escaped on the wire) fill that many times over.
        var team = Guid.CreateVersion7();
        using var listener = Listen(Agent, team);
        var sent = Enumerable.Range(0, 300)
            .Select(i => i % 2 == 0
                ? (Notice)new UserNotice(Agent, NoticeKinds.Assigned, Guid.CreateVersion7(), $"{i} " + new string('ã', 250))
                : new TeamNotice(team, NoticeKinds.Claimed, Guid.CreateVersion7(), $"{i} João"))
            .ToList();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await using var transaction = await Db(scope).Database.BeginTransactionAsync();
            foreach (var notice in sent)
            {
                Notifier(scope).Notify(notice);
            }

            await transaction.CommitAsync();
        }

        foreach (var notice in sent)
        {
            var heard = await listener.NextAsync();
            Assert.Equal(notice.ConversationId, heard.ConversationId);
            Assert.Equal(notice.GetType(), heard.GetType());
            Assert.Equal(First200(notice.Text), First200(heard.Text)); // between nodes texts travel cut to 200 characters
        }

        Assert.False(listener.HeardAnything);
    }

    private async Task CommitNoticeAsync(Notice notice)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = Db(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Notifier(scope).Notify(notice);
        await transaction.CommitAsync();
    }

    private static string First200(string text) => text.Length > 200 ? text[..200] : text;

    private static ContactCenterDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

    private static INotifier Notifier(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<INotifier>();
}

public sealed class NotifierTestsOnSqlite() : NotifierTests(DatabaseKind.Sqlite);

public sealed class NotifierTestsOnPostgres() : NotifierTests(DatabaseKind.Postgres);
