using ContactCenter.Kernel.Values;

namespace ContactCenter.Plugins.FixtureBad;

public sealed class FixtureBadPlugin
{
    public EmailAddress? Owner { get; init; }
}
