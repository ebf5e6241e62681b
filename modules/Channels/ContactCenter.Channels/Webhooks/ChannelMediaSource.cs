using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Webhooks;

/// <summary>Received media through the account's plugin (its cached adapter holds the credentials).</summary>
internal sealed class ChannelMediaSource(ChannelAdapters adapters) : IChannelMediaSource
{
    public async Task<DownloadedMedia> DownloadAsync(Guid channelAccountId, ChannelMedia media, CancellationToken cancellationToken)
    {
        var adapter = await adapters.FindAsync(channelAccountId, cancellationToken)
            ?? throw new InvalidOperationException("The channel account no longer exists or its plugin is not loaded.");
        if (adapter is not ISupportsMedia downloader)
        {
            throw new NotSupportedException("The channel's plugin cannot download media.");
        }

        var file = await downloader.DownloadMediaAsync(new MediaReference(media.ProviderMediaId, media.Url), cancellationToken);
        return new DownloadedMedia(file.Content, file.ContentType);
    }
}
