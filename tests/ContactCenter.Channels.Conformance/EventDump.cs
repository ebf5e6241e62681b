using System.Collections;
using System.Globalization;
using System.Text;

namespace ContactCenter.Channels.Conformance;

/// <summary>
/// A canonical text of parsed events, to compare two parses: records compare lists by reference, so two
/// equal parses are not <c>Equals</c> when they carry lists (contacts, order items).
/// </summary>
public static class EventDump
{
    /// <summary>Writes a value and everything it holds (public properties, list items) as text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(value, text, 0);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text, int depth)
    {
        if (depth > 20)
        {
            text.Append('…');
            return;
        }

        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool or Enum or Uri:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Write(property.GetValue(value), text, depth + 1);
            text.Append(';');
        }

        text.Append('}');
    }
}
