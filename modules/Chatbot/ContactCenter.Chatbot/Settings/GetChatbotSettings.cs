using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Chatbot.Settings;

/// <summary>The chatbot's general settings as the API and the admin page show and take them.</summary>
internal sealed record ChatbotSettingsDto(
    Guid? FirstContactTeamId,
    string? WelcomeMessage,
    string? OutsideHoursMessage,
    int? InactivityCloseHours,
    string? TimeZone,
    IReadOnlyList<TeamHours>? BusinessHours);

/// <summary>Reads the settings (defaults until an admin saves them).</summary>
internal sealed class GetChatbotSettings(ContactCenterDbContext db)
{
    public async Task<BotSettings> LoadAsync(CancellationToken cancellationToken) =>
        await db.Set<BotSettings>().FindAsync([BotSettings.SingletonId], cancellationToken) ?? new BotSettings();

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
