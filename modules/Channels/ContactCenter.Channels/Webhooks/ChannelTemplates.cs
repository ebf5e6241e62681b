using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Webhooks;

/// <summary>Template management through the account's cached adapter (it holds the credentials).</summary>
internal sealed class ChannelTemplates(ChannelAdapters adapters) : IChannelTemplates
{
    public async Task<bool> SupportsTemplatesAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        await adapters.FindAsync(channelAccountId, cancellationToken) is ISupportsTemplates;

    public async Task<ChannelTemplateSubmitted> SubmitAsync(Guid channelAccountId, ChannelTemplate template, CancellationToken cancellationToken)
    {
        var manager = await ManagerAsync(channelAccountId, cancellationToken);
        var definition = new TemplateDefinition(template.Name, template.Language, Category(template.Category), template.Body, template.BodyExamples)
        {
            Header = template.HeaderText,
            HeaderExamples = template.HeaderExamples,
            Footer = template.Footer,
            Buttons = template.QuickReplies.Select(text => new TemplateButton(TemplateButtonType.QuickReply, text)).ToList(),
        };
        var result = await manager.SubmitTemplateAsync(definition, cancellationToken);
        return new ChannelTemplateSubmitted(result.Accepted, result.ProviderTemplateId, result.Status.ToString(), result.ErrorText);
    }

    public async Task<IReadOnlyList<ChannelTemplateReview>> SyncAsync(Guid channelAccountId, CancellationToken cancellationToken)
    {
        var manager = await ManagerAsync(channelAccountId, cancellationToken);
        var states = await manager.SyncTemplatesAsync(cancellationToken);
        return states.Select(s => new ChannelTemplateReview(s.ProviderTemplateId, s.Name, s.Language, s.Status.ToString(), s.Reason)).ToList();
    }

    private async Task<ISupportsTemplates> ManagerAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        await adapters.FindAsync(channelAccountId, cancellationToken) switch
        {
            null => throw new InvalidOperationException("The channel account no longer exists or its plugin is not loaded."),
            ISupportsTemplates manager => manager,
            _ => throw new NotSupportedException("The channel's plugin does not manage templates."),
        };

    private static TemplateCategory Category(string category) => category switch
    {
        "marketing" => TemplateCategory.Marketing,
        "authentication" => TemplateCategory.Authentication,
        _ => TemplateCategory.Utility,
    };
}
