using ContactCenter.Chatbot.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Chatbot.Settings;

/// <summary>
/// Saves the settings whole: the first-contact team (null switches the bot off), the welcome and outside-hours messages,
/// the inactivity close time and each team's business hours with holidays, in one IANA time zone.
/// </summary>
internal sealed class UpdateChatbotSettings(ContactCenterDbContext db, GetChatbotSettings get, IQueuesApi queues, TimeProvider clock, IAuditLog audit)
{
    public async Task<Result<ChatbotSettingsDto>> HandleAsync(ChatbotSettingsDto request, CancellationToken cancellationToken)
    {
        var teams = (await queues.ListTeamsAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        var hours = request.BusinessHours ?? [];
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? "America/Sao_Paulo" : request.TimeZone.Trim();
        var validator = new Validator()
            .Check(request.FirstContactTeamId is null || teams.Contains(request.FirstContactTeamId.Value), "firstContactTeamId", "That team does not exist.")
            .Check((request.WelcomeMessage?.Length ?? 0) <= TriggerRules.MaxMessage, "welcomeMessage", $"Use at most {TriggerRules.MaxMessage} characters.")
            .Check((request.OutsideHoursMessage?.Length ?? 0) <= TriggerRules.MaxMessage, "outsideHoursMessage", $"Use at most {TriggerRules.MaxMessage} characters.")
            .Check(request.InactivityCloseHours is null or (> 0 and <= 720), "inactivityCloseHours", "Between 1 and 720 hours, or empty for the server's default (ContactCenter:InactivityCloseHours).")
            .Check(BusinessHours.IsKnownZone(zone), "timeZone", "Unknown time zone: use an IANA name such as America/Sao_Paulo.")
            .Check(hours.All(h => teams.Contains(h.TeamId)), "businessHours", "Business hours name a team that does not exist.")
            .Check(hours.All(h => (h.Days ?? []).All(d => d.Opens < d.Closes)), "businessHours", "Each day must open before it closes.")
            .Check(hours.Select(h => h.TeamId).Distinct().Count() == hours.Count, "businessHours", "Give each team's hours once.");
        if (!validator.IsValid)
        {
            return validator.ToError();
        }

        var settings = await get.LoadAsync(cancellationToken);
        if (db.Entry(settings).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            db.Add(settings);
        }

        var before = Snapshot(settings);
        settings.FirstContactTeamId = request.FirstContactTeamId;
        settings.WelcomeMessage = Text(request.WelcomeMessage);
        settings.OutsideHoursMessage = Text(request.OutsideHoursMessage);
        settings.InactivityCloseHours = request.InactivityCloseHours;
        settings.TimeZone = zone;
        settings.BusinessHoursJson = BusinessHours.Write([.. hours.Select(h => h with { Days = h.Days ?? [], Holidays = h.Holidays ?? [] })]);
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("chatbotSettings.updated", new AuditTarget("chatbotSettings", "chatbot", "Chatbot"), before, Snapshot(settings));
        await db.SaveChangesAsync(cancellationToken);
        return GetChatbotSettings.ToDto(settings);
    }

    private static object Snapshot(BotSettings s) =>
        new { s.FirstContactTeamId, s.WelcomeMessage, s.OutsideHoursMessage, s.InactivityCloseHours, s.TimeZone, s.BusinessHoursJson };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/chatbot/settings", async Task<Results<Ok<ChatbotSettingsDto>, ProblemHttpResult>> (ChatbotSettingsDto request, UpdateChatbotSettings handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateChatbotSettings")
        .WithSummary("Save the chatbot's general settings")
        .WithDescription("firstContactTeamId null switches the bot off. businessHours: per team, days (day, opens, closes) and holidays (dates), in timeZone (IANA).")
        .WithTags("Chatbot")
        .RequireAuthorization(Policies.Admin);
}
