using System.Text.Json;

namespace ContactCenter.Kernel.Realtime;

/// <summary>Notices as they travel between nodes (an <see cref="INoticeBroadcast"/> payload, e.g. a PostgreSQL NOTIFY's, well under its 8000-byte limit).</summary>
internal static class NoticeJson
{
    private const int MaxText = 200;

    public static string Serialize(Notice notice) => JsonSerializer.Serialize(new Wire(
        (notice as UserNotice)?.UserId,
        (notice as TeamNotice)?.TeamId,
        (notice as TopicNotice)?.Topic,
        notice.Kind,
        notice.ConversationId,
        notice.Text.Length <= MaxText ? notice.Text : notice.Text[..MaxText]));

    public static Notice? Deserialize(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Wire>(payload) switch
            {
                { U: { } user, K: { } kind } w => new UserNotice(user, kind, w.C, w.X ?? string.Empty),
                { T: { } team, K: { } kind } w => new TeamNotice(team, kind, w.C, w.X ?? string.Empty),
                { P: { } topic, K: { } kind } w => new TopicNotice(topic, kind, w.C, w.X ?? string.Empty),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(Guid? U, Guid? T, string? P, string? K, Guid? C, string? X);
}
