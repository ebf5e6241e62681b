using System.Text;
using System.Text.Json;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// Notices as they travel between nodes (<see cref="INoticeBroadcast"/> payloads, e.g. a PostgreSQL NOTIFY's, which
/// must stay under 8,000 bytes). A commit's notices travel packed: as many as fit in one payload, a JSON array, so a
/// backlog chunk of a hundred placements costs one or a few payloads instead of three hundred (each one a row and a
/// NOTIFY at commit). Packing is only the transport: every notice comes out again, in order, as it was sent.
/// A payload of one notice stays a plain object, as nodes and kept rows from before packing wrote it.
/// </summary>
internal static class NoticeJson
{
    /// <summary>A packed payload's most UTF-8 bytes: under NOTIFY's 8,000 with room for the number the broadcast prefixes.</summary>
    public const int MaxPayloadBytes = 7_000;

    private const int MaxText = 200;

    /// <summary>
    /// The notices in as few payloads as fit <see cref="MaxPayloadBytes"/>, in order. One notice always fits alone
    /// (its text is cut to 200 characters, at most 6 bytes each once escaped).
    /// </summary>
    public static IReadOnlyList<string> Pack(IReadOnlyList<Notice> notices)
    {
        var payloads = new List<string>();
        var group = new List<string>();
        var groupBytes = 2; // the array's brackets
        foreach (var notice in notices)
        {
            var one = Serialize(notice);
            var bytes = Encoding.UTF8.GetByteCount(one);
            if (group.Count > 0 && groupBytes + 1 + bytes > MaxPayloadBytes)
            {
                payloads.Add(Join(group));
                group.Clear();
                groupBytes = 2;
            }

            group.Add(one);
            groupBytes += bytes + (group.Count > 1 ? 1 : 0);
        }

        if (group.Count > 0)
        {
            payloads.Add(Join(group));
        }

        return payloads;
    }

    /// <summary>Every notice a payload carries, in order (a packed array or a single notice); what it cannot read is left out.</summary>
    public static IReadOnlyList<Notice> Unpack(string payload)
    {
        try
        {
            if (payload.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal))
            {
                return [.. (JsonSerializer.Deserialize<Wire?[]>(payload) ?? []).Select(FromWire).OfType<Notice>()];
            }

            return FromWire(JsonSerializer.Deserialize<Wire>(payload)) is { } notice ? [notice] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Serialize(Notice notice) => JsonSerializer.Serialize(ToWire(notice));

    private static string Join(List<string> group) => group.Count == 1 ? group[0] : "[" + string.Join(',', group) + "]";

    private static Wire ToWire(Notice notice) => new(
        (notice as UserNotice)?.UserId,
        (notice as TeamNotice)?.TeamId,
        (notice as TopicNotice)?.Topic,
        notice.Kind,
        notice.ConversationId,
        notice.Text.Length <= MaxText ? notice.Text : notice.Text[..MaxText]);

    private static Notice? FromWire(Wire? wire) => wire switch
    {
        { U: { } user, K: { } kind } w => new UserNotice(user, kind, w.C, w.X ?? string.Empty),
        { T: { } team, K: { } kind } w => new TeamNotice(team, kind, w.C, w.X ?? string.Empty),
        { P: { } topic, K: { } kind } w => new TopicNotice(topic, kind, w.C, w.X ?? string.Empty),
        _ => null,
    };

    private sealed record Wire(Guid? U, Guid? T, string? P, string? K, Guid? C, string? X);
}
