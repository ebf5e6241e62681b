namespace ContactCenter.Conversations.Media;

/// <summary>
/// A received file. Downloaded at once (provider links expire within minutes) into
/// <c>&lt;data&gt;/media/yyyy/MM/&lt;id&gt;</c>; a failed download stays pending and is retried by the fetcher.
/// </summary>
internal sealed class MediaFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid MessageId { get; init; }

    public Guid ChannelAccountId { get; init; }

    public required string ProviderMediaId { get; init; }

    public string? ProviderUrl { get; init; }

    public string? MimeType { get; set; }

    public long? Size { get; set; }

    /// <summary>Hex SHA-256 of the stored bytes (the provider's claim until downloaded).</summary>
    public string? Sha256 { get; set; }

    public string? Caption { get; init; }

    public string? FileName { get; init; }

    public MediaStatus Status { get; set; } = MediaStatus.Pending;

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Relative to the data folder, e.g. <c>media/2026/11/0192…</c>.</summary>
    public string? StoragePath { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; init; }
}

internal enum MediaStatus
{
    Pending,
    Downloaded,
    Failed,
}
