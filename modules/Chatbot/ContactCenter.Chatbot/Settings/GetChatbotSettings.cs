using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot.Settings;

/// <summary>The chatbot's general settings as the API and the admin page show and take them.</summary>
internal sealed record ChatbotSettingsDto(
    Guid? FirstContactTeamId,
    string? WelcomeMessage,
    string? OutsideHoursMessage,
    int? InactivityCloseHours,
    string? TimeZone,
    IReadOnlyList<TeamHours>? BusinessHours);

/// <summary>
/// Reads the settings (defaults until an admin saves them), once per unit of work: an inbox batch asks for them for
/// every new conversation, and with no row saved each ask was a query. The same instance comes back each time, so an
/// update in the same unit of work (which adds it when it was the defaults) is what later reads see.
/// </summary>
internal sealed class GetChatbotSettings(ContactCenterDbContext db)
{
    private BotSettings? _settings;
    private bool? _hasTriggers;

    public async Task<BotSettings> LoadAsync(CancellationToken cancellationToken) =>
        _settings ??= await db.Set<BotSettings>().FindAsync([BotSettings.SingletonId], cancellationToken) ?? new BotSettings();

    /// <summary>The bot is on when a first-contact team is set and at least one trigger exists (any channel account).</summary>
    public async Task<Guid?> FirstContactTeamAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken)).FirstContactTeamId is not { } team)
        {
            return null;
        }

        _hasTriggers ??= await db.Set<BotTrigger>().AnyAsync(cancellationToken);
        return _hasTriggers.Value ? team : null;
    }

    public async Task<ChatbotSettingsDto> HandleAsync(CancellationToken cancellationToken) => ToDto(await LoadAsync(cancellationToken));

    public static ChatbotSettingsDto ToDto(BotSettings s) =>
        new(s.FirstContactTeamId, s.WelcomeMessage, s.OutsideHoursMessage, s.InactivityCloseHours, s.TimeZone, BusinessHours.Read(s));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/chatbot/settings", async (GetChatbotSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
        .WithName("GetChatbotSettings")
        .WithSummary("The chatbot's general settings")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Supervisor);
}
