using ContactCenter.Channels.Contracts;
using ContactCenter.Identity.Contracts;
using ContactCenter.Queues.Contracts;
using ContactCenter.Templates.Manage;

namespace ContactCenter.Templates.Ui;

/// <summary>The templates list: every channel account (by name) and the templates with their usage.</summary>
internal sealed record TemplatesOverview(IReadOnlyList<ChannelAccountSummary> Accounts, IReadOnlyList<TemplateView> Templates);

/// <summary>What the usage report can be narrowed to; people include inactive ones, since old sends name them.</summary>
internal sealed record UsageFilters(IReadOnlyList<ChannelAccountSummary> Accounts, IReadOnlyList<TeamDto> Teams, IReadOnlyList<UserSummary> Agents);

/// <summary>Reads for the template pages, through the same handler as <c>GET /api/v1/templates</c>.</summary>
internal sealed class TemplatesView(IChannelsApi channels, IQueuesApi queues, IIdentityApi identity, ListTemplates.Handler templates)
{
    public async Task<TemplatesOverview> OverviewAsync(Guid? channelAccountId, CancellationToken cancellationToken) =>
        new(await AccountsAsync(cancellationToken), await templates.ListAsync(channelAccountId, null, cancellationToken));

    public async Task<IReadOnlyList<ChannelAccountSummary>> AccountsAsync(CancellationToken cancellationToken) =>
        (await channels.ListAccountsAsync(cancellationToken)).OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();

    public async Task<UsageFilters> UsageFiltersAsync(CancellationToken cancellationToken) => new(
        await AccountsAsync(cancellationToken),
        (await queues.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList(),
        (await identity.ListUsersAsync(cancellationToken)).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList());
}
