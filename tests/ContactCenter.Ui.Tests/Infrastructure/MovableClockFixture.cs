namespace ContactCenter.Ui.Tests.Infrastructure;

/// <summary>
/// A host whose clock the test moves forward (<c>POST /testing/clock</c>, admins on loopback only): a whole working day —
/// the 24-hour window closing included — runs in a minute, without dating messages in the past.
/// </summary>
public sealed class MovableClockFixture : UiFixture
{
    protected override IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>
    {
        ["ContactCenter__Testing__ClockControl"] = "true",
    };
}
