using ContactCenter.Plugins.FixtureBad;

namespace ContactCenter.Fixtures.BadHost;

public static class BadHost
{
    public static FixtureBadPlugin Create() => new();
}
