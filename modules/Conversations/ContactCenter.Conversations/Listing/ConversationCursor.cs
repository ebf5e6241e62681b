using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// The position after the last item of a page (its last-message instant and id), opaque to clients.
/// Keyset, not offset: new messages reorder the list while someone pages, and offsets would skip or repeat rows.
/// </summary>
internal readonly record struct ConversationCursor(DateTime LastMessageAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $"{LastMessageAt.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string text, out ConversationCursor cursor)
    {
        cursor = default;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new ConversationCursor(new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64url: the caller reports an invalid cursor.
        }

        return false;
    }
}
