using ContactCenter.Chatbot.Contracts;
using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot;

internal sealed class ChatbotApi(ContactCenterDbContext db, GetChatbotSettings settings) : IChatbotApi
{
    public Task<Guid?> FindFirstContactTeamAsync(Guid channelAccountId, CancellationToken cancellationToken) =>
        FirstContactTeamAsync(db, settings, cancellationToken);

    public async Task<int?> FindInactivityCloseHoursAsync(CancellationToken cancellationToken) =>
        (await settings.LoadAsync(cancellationToken)).InactivityCloseHours;

    /// <summary>The bot is on when a first-contact team is set and at least one trigger exists (any channel account).</summary>
    public static async Task<Guid?> FirstContactTeamAsync(ContactCenterDbContext db, GetChatbotSettings settings, CancellationToken cancellationToken) =>
        (await settings.LoadAsync(cancellationToken)).FirstContactTeamId is { } team && await db.Set<BotTrigger>().AnyAsync(cancellationToken) ? team : null;
}
