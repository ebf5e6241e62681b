using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.Sandbox;

/// <summary>
/// The sandbox's pretend reviewer: every template submitted is pending, and approved once the account's
/// <c>templateApprovalSeconds</c> have passed on the host's clock (seen at the next sync). Kept in memory per process,
/// like a provider that forgets on restart: a template submitted before a restart is simply submitted again.
/// </summary>
internal sealed class SandboxTemplates
{
    private readonly ConcurrentDictionary<(Guid Account, string Name, string Language), DateTimeOffset> _submitted = new();

    public TemplateSubmitResult Submit(ChannelAccountContext context, TemplateDefinition template)
    {
        var now = context.Clock.GetUtcNow();
        _submitted[(context.ChannelAccountId, template.Name, template.Language)] = now;
        return new TemplateSubmitResult(true, ProviderId(template.Name, template.Language), Delay(context) <= TimeSpan.Zero ? TemplateStatus.Approved : TemplateStatus.Pending);
    }

    public IReadOnlyList<TemplateState> Sync(ChannelAccountContext context)
    {
        var now = context.Clock.GetUtcNow();
        var delay = Delay(context);
        return _submitted
            .Where(s => s.Key.Account == context.ChannelAccountId)
            .Select(s => new TemplateState(ProviderId(s.Key.Name, s.Key.Language), s.Key.Name, s.Key.Language,
                now - s.Value >= delay ? TemplateStatus.Approved : TemplateStatus.Pending))
            .ToList();
    }

    private static string ProviderId(string name, string language) => $"sandbox-{name}-{language}";

    private static TimeSpan Delay(ChannelAccountContext context) =>
        double.TryParse(context.Setting("templateApprovalSeconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(60);
}
