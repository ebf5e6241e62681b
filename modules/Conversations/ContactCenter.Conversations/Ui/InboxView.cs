using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Ui;

/// <summary>Which list the inbox shows: the caller's own, their teams' pool, or everything they may see.</summary>
internal enum InboxTab
{
    Mine,
    Pool,
    All,
}

/// <summary>What the inbox page shows, read through the same list handler as <c>GET /api/v1/conversations</c>.</summary>
internal sealed record InboxState(
    Guid? UserId,
    Role? Role,
    IReadOnlyList<Guid> TeamIds,
    DateTime Now,
    IReadOnlyList<ConversationSummary> Items,
    int PoolCount,
    IReadOnlyDictionary<Guid, string> ProductNames,
    Error? Error);

/// <summary>Gathers one inbox tab: the list, the pool count for its badge, the product names, and who is looking.</summary>
internal sealed class InboxView(ICurrentUser caller, IQueuesApi queues, ListConversations.Handler list, TimeProvider clock)
{
    public const int PageSize = ListConversations.MaxLimit;

    public async Task<InboxState> LoadAsync(InboxTab tab, CancellationToken cancellationToken)
    {
        var teams = await caller.GetTeamIdsAsync(cancellationToken);
        var pool = await list.HandleAsync(new ListConversations.Query(Pool: true, Limit: PageSize), cancellationToken);
        var shown = tab switch
        {
            InboxTab.Pool => pool,
            InboxTab.All when caller.IsAtLeast(Role.Supervisor) => await list.HandleAsync(new ListConversations.Query(Open: true, Limit: PageSize), cancellationToken),
            _ => await list.HandleAsync(new ListConversations.Query(AgentId: caller.UserId ?? Guid.Empty, Open: true, Limit: PageSize), cancellationToken),
        };

        var items = shown.Value?.Items ?? [];
        var products = new Dictionary<Guid, string>();
        foreach (var productId in items.Select(c => c.ProductId).OfType<Guid>().Distinct())
        {
            if (await queues.FindProductAsync(productId, cancellationToken) is { } product)
            {
                products[productId] = product.Name;
            }
        }

        return new InboxState(
            caller.UserId, caller.Role, teams, clock.GetUtcNow().UtcDateTime, items, pool.Value?.Items.Count ?? 0, products, shown.Error ?? pool.Error);
    }

    /// <summary>Whose notices the page listens to: the caller and their teams (none for API keys).</summary>
    public async Task<(Guid UserId, IReadOnlyList<Guid> TeamIds)?> ListenerAsync(CancellationToken cancellationToken) =>
        caller.UserId is { } me && !caller.IsApiKey ? (me, await caller.GetTeamIdsAsync(cancellationToken)) : null;

    /// <summary>The routing teams and their members, for the transfer form.</summary>
    public Task<IReadOnlyList<TeamDto>> TeamsAsync(CancellationToken cancellationToken) => queues.ListTeamsAsync(cancellationToken);
}
