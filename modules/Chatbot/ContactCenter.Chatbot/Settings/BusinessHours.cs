using System.Text.Json;
using ContactCenter.Chatbot.Domain;

namespace ContactCenter.Chatbot.Settings;

/// <summary>A team's opening hours on one day of the week, in the settings' time zone.</summary>
internal sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A team's week and the days it is closed all day (holidays).</summary>
internal sealed record TeamHours(Guid TeamId, IReadOnlyList<OpeningHours> Days, IReadOnlyList<DateOnly> Holidays);

/// <summary>
/// Whether a team is open at a moment: a team without hours is always open; a holiday closes the whole day; otherwise
/// it is open on its listed days between opening and closing time, in the settings' zone.
/// </summary>
internal static class BusinessHours
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TeamHours> Read(BotSettings settings) =>
        settings.BusinessHoursJson is { Length: > 0 } json ? JsonSerializer.Deserialize<List<TeamHours>>(json, Json) ?? [] : [];

    public static string? Write(IReadOnlyList<TeamHours> hours) => hours.Count == 0 ? null : JsonSerializer.Serialize(hours, Json);

    public static bool IsOpen(BotSettings settings, Guid teamId, DateTime utc)
    {
        if (Read(settings).FirstOrDefault(h => h.TeamId == teamId) is not { } team)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(settings.TimeZone));
        if (team.Holidays.Contains(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return team.Days.Any(d => d.Day == local.DayOfWeek && time >= d.Opens && time < d.Closes);
    }

    public static bool IsKnownZone(string zone) => TryZone(zone) is not null;

    private static TimeZoneInfo Zone(string zone) => TryZone(zone) ?? TimeZoneInfo.Utc;

    private static TimeZoneInfo? TryZone(string zone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
