using ContactCenter.Chatbot.Contracts;
using ContactCenter.Chatbot.Settings;

namespace ContactCenter.Chatbot;

internal sealed class ChatbotApi(GetChatbotSettings settings) : IChatbotApi
{
    public Task<Guid?> FindFirstContactTeamAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        settings.FirstContactTeamAsync(cancellationToken);

    public async Task<int?> FindInactivityCloseHoursAsync(CancellationToken cancellationToken) =>
        (await settings.LoadAsync(cancellationToken)).InactivityCloseHours;
}
