using Microsoft.Extensions.Localization;

namespace ContactCenter.Conversations.Ui;

/// <summary>
/// How the 24-hour window reads on the inbox chip and above the composer: the time left first (what the agent acts on), then
/// when it closes — with the date unless that is today, because "até 12:03" is ambiguous for a window opened yesterday.
/// </summary>
internal static class WindowLabel
{
    public static bool IsOpen(DateTime? closesAtUtc, DateTime nowUtc) => closesAtUtc is { } closes && closes > nowUtc;

    public static string Format(IStringLocalizer l, DateTime? closesAtUtc, DateTime nowUtc)
    {
        if (closesAtUtc is not { } closes || closes <= nowUtc)
        {
            return l["Window closed"];
        }

        var closesLocal = closes.ToLocalTime();
        var until = closesLocal.Date == nowUtc.ToLocalTime().Date ? closesLocal.ToString("t") : closesLocal.ToString("g");
        return l["Window open · {0} left (until {1})", Left(l, closes - nowUtc), until];
    }

    private static string Left(IStringLocalizer l, TimeSpan left)
    {
        // Rounded up: "0 min" left while the window is still open would tell the agent it is already too late.
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        return minutes < 60 ? l["{0} min", minutes] : l["{0} h {1} min", minutes / 60, minutes % 60];
    }
}
