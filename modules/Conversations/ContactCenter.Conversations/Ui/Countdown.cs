namespace ContactCenter.Conversations.Ui;

/// <summary>Time left as an agent reads it at a glance: "4:05", "0:30", "0:00" once it ran out.</summary>
internal static class Countdown
{
    public static string Format(TimeSpan left)
    {
        var seconds = Math.Max(0, (int)Math.Ceiling(left.TotalSeconds));
        return $"{seconds / 60}:{seconds % 60:00}";
    }
}
