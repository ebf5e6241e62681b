namespace ContactCenter.Chatbot.Domain;

/// <summary>
/// The chatbot's general settings (one row): the team that receives first contact, the automatic messages, the
/// inactivity close time and each team's business hours with holidays (JSON, read and written whole).
/// </summary>
internal sealed class BotSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    /// <summary>Where the bot greets a new conversation; null: the bot is off.</summary>
    public Guid? FirstContactTeamId { get; set; }

    public string? WelcomeMessage { get; set; }

    public string? OutsideHoursMessage { get; set; }

    public int? InactivityCloseHours { get; set; }

    /// <summary>IANA id of the zone business hours are given in.</summary>
    public string TimeZone { get; set; } = "America/Sao_Paulo";

    public string? BusinessHoursJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}
