using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Parsing;

public sealed class FixtureParsingTests
{
    public static TheoryData<string> WebhookFixtures => new(Fixtures.Names("inbound_", "status_", "webhook_"));

    [Theory]
    [MemberData(nameof(WebhookFixtures))]
    public void Each_published_webhook_parses_to_its_expected_events(string fixture)
    {
        Assert.True(FixtureExpectations.ByFile.TryGetValue(fixture, out var expect), $"{fixture} has no expectation: add one to FixtureExpectations.");
        expect(Adapters.Parse(fixture));
    }

    [Fact]
    public void Every_expectation_has_its_fixture()
    {
        // Guards against expectations that silently never run because a fixture was renamed.
        Assert.Equal(FixtureExpectations.ByFile.Keys.Order(StringComparer.Ordinal), Fixtures.Names("inbound_", "status_", "webhook_"));
    }

    [Theory]
    [MemberData(nameof(WebhookFixtures))]
    public void Redelivery_gives_the_same_keys(string fixture)
    {
        var first = Adapters.Parse(fixture).Select(e => e.IdempotencyKey);
        var second = Adapters.Offline().Parse(Fixtures.WebhookFile(fixture)).Select(e => e.IdempotencyKey);
        Assert.Equal(first, second);
    }
}
