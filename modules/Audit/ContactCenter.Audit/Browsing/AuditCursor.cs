using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContactCenter.Audit.Browsing;

/// <summary>
/// The position after the last entry of a page (its instant and id), opaque to clients: keyset, because entries keep
/// arriving on top while an admin reads on.
/// </summary>
internal readonly record struct AuditCursor(DateTime At, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string text, out AuditCursor cursor)
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
                cursor = new AuditCursor(new DateTime(ticks, DateTimeKind.Utc), id);
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
