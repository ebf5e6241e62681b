using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContactCenter.Kernel.Values;

/// <summary>
/// The position after the last item of a newest-first page (its instant and id), opaque to clients — the contact
/// timeline's and the audit log's <c>nextCursor</c>. Keyset, not page numbers: items keep arriving on top while
/// someone reads on, and page numbers would repeat them.
/// </summary>
/// <param name="At">The instant of the last item shown.</param>
/// <param name="Id">Its id, which orders items of the same instant.</param>
public readonly record struct PageCursor(DateTime At, Guid Id)
{
    /// <summary>The cursor as a URL-safe string.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    /// <summary>Reads a cursor a client sent back; false when it is not one this product wrote.</summary>
    public static bool TryDecode(string text, out PageCursor cursor)
    {
        cursor = default;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id);
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
