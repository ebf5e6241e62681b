using ContactCenter.Channels.Contracts;
using ContactCenter.Templates.Contracts;

namespace ContactCenter.Conversations.Ui;

/// <summary>What the "Nova conversa" page offers: the origin numbers, and the approved templates of the chosen one.</summary>
internal sealed class OutreachView(IChannelsApi channels, ITemplatesApi templates)
{
    public async Task<IReadOnlyList<ChannelAccountSummary>> ChannelsAsync(CancellationToken cancellationToken) =>
        [.. (await channels.ListAccountsAsync(cancellationToken)).OrderBy(a => a.Name, StringComparer.CurrentCulture)];

    public Task<IReadOnlyList<ApprovedTemplate>> TemplatesAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        templates.ListApprovedAsync(channelAccountId, cancellationToken);
}
