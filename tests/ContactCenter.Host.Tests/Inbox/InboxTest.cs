using System.Threading.Channels;
using ContactCenter.Conversations.Domain;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Realtime;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>
/// Base of the inbox tests: the demo organisation (ana and bruno in Comercial, auto; carla in Suporte, pool), WhatsApp
/// webhooks through the real inbox processor, and routing decisions published by hand, as routing (Queues) would.
/// </summary>
public abstract class InboxTest(DatabaseKind kind) : InboundTest(kind)
{
    protected override bool SeedDemoData => true;

    protected async Task<Guid> UserIdAsync(string userName)
    {
        using var scope = Host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindUserByNameAsync(userName, default))!.Id;
    }

    protected async Task<Guid> TeamIdAsync(string name)
    {
        using var scope = Host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IQueuesApi>().ListTeamsAsync(default)).Single(t => t.Name == name).Id;
    }

    /// <summary>A contact's first message, processed: returns the conversation it opened.</summary>
    protected async Task<Guid> OpenConversationAsync(Guid account, string from, string text = "Olá!")
    {
        var response = await PostWebhookAsync(account, Text("wamid." + Guid.NewGuid().ToString("N"), text, from: from));
        response.EnsureSuccessStatusCode();
        await ProcessAsync();
        var items = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations?search={from}"))["items"]!.AsArray();
        return Guid.Parse((string)items.Single()!["id"]!);
    }

    /// <summary>Publishes a routing decision in an explicit transaction, the way routing does inside the inbox processor.</summary>
    protected async Task RouteAsync(Guid conversationId, Guid? teamId, Guid? agentId, RoutingRule rule, Guid? previousAgentId = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var conversation = (await db.Set<Conversation>().FindAsync(conversationId))!;
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(
            new ConversationRouted(conversationId, conversation.ContactId, teamId, agentId, previousAgentId, rule, "test", null, Host.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    protected Listener Listen(Guid userId, params Guid[] teamIds) =>
        new(Host.Services.GetRequiredService<INoticeHub>(), userId, teamIds);

    /// <summary>What one subscriber heard, in order. Waiting has a generous timeout: PostgreSQL delivers asynchronously.</summary>
    protected sealed class Listener : IDisposable
    {
        private readonly Channel<Notice> _heard = Channel.CreateUnbounded<Notice>();
        private readonly IDisposable _subscription;

        public Listener(INoticeHub hub, Guid userId, Guid[] teamIds) =>
            _subscription = hub.Subscribe(userId, teamIds, notice => _heard.Writer.WriteAsync(notice).AsTask());

        public bool HeardAnything => _heard.Reader.TryPeek(out _);

        public async Task<Notice> NextAsync() => await _heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        public void Dispose() => _subscription.Dispose();
    }
}
