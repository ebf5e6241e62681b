namespace ContactCenter.Channels.Domain;

/// <summary>
/// One configured channel: a business number (or sender) served by a plugin. Plain settings are stored as
/// a JSON object; the secret ones as one Data Protection blob (a JSON object too, once unprotected).
/// </summary>
internal sealed class ChannelAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string PluginId { get; init; }

    public required string Name { get; set; }

    public string SettingsJson { get; set; } = "{}";

    public string? ProtectedSecrets { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
