using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>What agents hear when routing places a conversation, and when a contact writes in one they have.</summary>
public abstract class InboxNoticeTests(DatabaseKind kind) : InboxTest(kind)
{
    [Fact]
    public async Task The_agent_a_conversation_is_routed_to_hears_it_with_the_contacts_name()
    {
        var account = await CreateAccountAsync();
        var ana = await UserIdAsync("ana");
        var conversation = await OpenConversationAsync(account, "5511988887777");
        using var listener = Listen(ana);

        await RouteAsync(conversation, await TeamIdAsync("Comercial"), ana, RoutingRule.LongestIdle);

        Assert.Equal(new UserNotice(ana, NoticeKinds.Assigned, conversation, "Ana"), await listener.NextAsync());
    }

    [Fact]
    public async Task A_returning_contacts_owner_is_told_it_is_their_returning_contact_and_the_previous_agent_loses_it()
    {
        var account = await CreateAccountAsync();
        var (ana, bruno) = (await UserIdAsync("ana"), await UserIdAsync("bruno"));
        var conversation = await OpenConversationAsync(account, "5511988887777");
        using var anaHears = Listen(ana);
        using var brunoHears = Listen(bruno);

        await RouteAsync(conversation, null, ana, RoutingRule.Owner, previousAgentId: bruno);

        Assert.Equal(NoticeKinds.Returning, (await anaHears.NextAsync()).Kind);
        Assert.Equal(NoticeKinds.Unassigned, (await brunoHears.NextAsync()).Kind);
    }

    [Fact]
    public async Task A_conversation_offered_to_a_pool_reaches_every_member_of_the_team()
    {
        var account = await CreateAccountAsync();
        var suporte = await TeamIdAsync("Suporte");
        var conversation = await OpenConversationAsync(account, "5511988887777");
        using var carla = Listen(await UserIdAsync("carla"), suporte);

        await RouteAsync(conversation, suporte, null, RoutingRule.Pool);

        Assert.Equal(new TeamNotice(suporte, NoticeKinds.Pool, conversation, "Ana"), await carla.NextAsync());
    }

    [Fact]
    public async Task A_new_message_in_an_assigned_conversation_reaches_its_agent_through_the_inbox_processor()
    {
        var account = await CreateAccountAsync();
        var ana = await UserIdAsync("ana");
        var conversation = await OpenConversationAsync(account, "5511988887777");
        using var listener = Listen(ana);
        await RouteAsync(conversation, await TeamIdAsync("Comercial"), ana, RoutingRule.LongestIdle);
        Assert.Equal(NoticeKinds.Assigned, (await listener.NextAsync()).Kind);

        (await PostWebhookAsync(account, Text("wamid.second", "Ainda está disponível?"))).EnsureSuccessStatusCode();
        await ProcessAsync();

        Assert.Equal(new UserNotice(ana, NoticeKinds.Message, conversation, "Ana"), await listener.NextAsync());
    }

    [Fact]
    public async Task A_message_that_fails_in_the_inbox_processor_tells_nobody()
    {
        var account = await CreateAccountAsync();
        var ana = await UserIdAsync("ana");
        var conversation = await OpenConversationAsync(account, "5511988887777");
        using var listener = Listen(ana);
        await RouteAsync(conversation, await TeamIdAsync("Comercial"), ana, RoutingRule.LongestIdle);
        Assert.Equal(NoticeKinds.Assigned, (await listener.NextAsync()).Kind);
        var processor = Host.Services.GetService(typeof(ContactCenter.Channels.Inbox.InboxProcessor)) as ContactCenter.Channels.Inbox.InboxProcessor;
        processor!.BeforeCommit = () => throw new InvalidOperationException("crash before the commit");

        (await PostWebhookAsync(account, Text("wamid.lost", "Esta falha"))).EnsureSuccessStatusCode();
        await ProcessAsync();
        processor.BeforeCommit = null;
        (await PostWebhookAsync(account, Text("wamid.next", "Esta chega"))).EnsureSuccessStatusCode();
        await ProcessAsync();

        // The failed batch is recorded and retried later; its notice went nowhere, the next message's did.
        Assert.Equal(new UserNotice(ana, NoticeKinds.Message, conversation, "Ana"), await listener.NextAsync());
        Assert.False(listener.HeardAnything, listener.HeardAnything ? (await listener.NextAsync()).ToString() : null);
    }
}

public sealed class InboxNoticeTestsOnSqlite() : InboxNoticeTests(DatabaseKind.Sqlite);

public sealed class InboxNoticeTestsOnPostgres() : InboxNoticeTests(DatabaseKind.Postgres);
