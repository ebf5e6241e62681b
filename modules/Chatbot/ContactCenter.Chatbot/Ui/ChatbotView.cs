using ContactCenter.Queues.Contracts;

namespace ContactCenter.Chatbot.Ui;

/// <summary>The teams the chatbot page offers in its selects and names in its picture, by name.</summary>
internal sealed class ChatbotView(IQueuesApi queues)
{
    public async Task<IReadOnlyList<TeamDto>> TeamsAsync(CancellationToken cancellationToken) =>
        [.. (await queues.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.CurrentCulture)];
}
