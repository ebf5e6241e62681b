using ContactCenter.Channels.Sdk;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Channels.Conformance;

/// <summary>
/// The plugin conformance kit. Derive a (public, non-abstract) test class, point it at your built plugin folder
/// and your recorded provider payloads, and run <c>dotnet test</c>: every check below becomes a test of your plugin.
/// </summary>
public abstract partial class ChannelConformanceSuite
{
    /// <summary>The built plugin folder (the one holding <c>plugin.json</c> and the entry assembly).</summary>
    protected abstract string PluginFolder { get; }

    /// <summary>Webhook requests the provider really sent, with valid signatures for <see cref="Settings"/>.</summary>
    protected abstract IEnumerable<RecordedRequest> RecordedRequests { get; }

    /// <summary>How the plugin must classify the provider's answers to a send; an empty list skips the check.</summary>
    protected abstract IEnumerable<SendScenario> SendScenarios { get; }

    /// <summary>
    /// The channel account's settings, with the provider's base URL pointing at <paramref name="fakeServer"/> so no
    /// test ever reaches the real provider.
    /// </summary>
    /// <param name="fakeServer">The fake provider's base address.</param>
    /// <returns>Settings by key, as the host would pass them.</returns>
    protected abstract IReadOnlyDictionary<string, string> Settings(Uri fakeServer);

    /// <summary>A subscription handshake, when the provider has one; null when the plugin must never answer one.</summary>
    protected virtual HandshakeCase? Handshake => null;

    /// <summary>
    /// False for a channel that delivers without calling a provider (such as the Sandbox): the kit then does not
    /// require the fake provider to be called, and expects sends to work with the network unreachable.
    /// </summary>
    protected virtual bool HasRemoteProvider => true;

    /// <summary>The message the send scenarios send unless they say otherwise.</summary>
    protected virtual OutboundMessage SampleMessage =>
        new(Guid.Parse("0190f5a2-0000-7000-8000-000000000001"), Recipient.ForPhone("5511999999999"), new OutboundText("Conformance check"));

    /// <summary>How long the plugin's HTTP client waits; a hanging provider must come back as retryable after it.</summary>
    protected virtual TimeSpan HttpTimeout => TimeSpan.FromSeconds(2);

    /// <summary>Whether an empty or random-bytes body must yield an <see cref="Unparseable"/> event (true for JSON webhooks).</summary>
    protected virtual bool GarbageMustBeUnparseable => true;

    /// <summary>The time the adapters' clock shows (parsing uses it only for parts without a timestamp).</summary>
    protected virtual DateTimeOffset Now => new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Headers that carry the signature; by default every header whose name contains "signature".</summary>
    /// <param name="request">A recorded request.</param>
    /// <returns>The header names.</returns>
    protected virtual IEnumerable<string> SignatureHeaders(WebhookRequest request) =>
        request.Headers.Keys.Where(k => k.Contains("signature", StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the plugin from <see cref="PluginFolder"/> and binds it to an account, as the host does.</summary>
    /// <param name="http">The HTTP client the adapter gets; a client that reaches nothing when null.</param>
    /// <param name="fakeServer">Where the settings point the provider's API.</param>
    /// <returns>The adapter.</returns>
    protected IChannelAdapter CreateAdapter(HttpClient? http = null, Uri? fakeServer = null)
    {
        var (_, plugin) = PluginFolderLoader.Load(PluginFolder);
        var settings = Settings(fakeServer ?? UnreachableProvider);
        return plugin.CreateAdapter(new ChannelAccountContext(AccountId, settings, http ?? NoNetwork, NullLogger.Instance, new FixedClock(Now)));
    }

    private static readonly Guid AccountId = Guid.Parse("0190f5a2-0000-7000-8000-0000000000ac");

    /// <summary>Parsing and signatures must not touch the network: their adapter's client points nowhere.</summary>
    private static readonly Uri UnreachableProvider = new("http://127.0.0.1:9/");

    private static readonly HttpClient NoNetwork = new() { Timeout = TimeSpan.FromSeconds(1) };

    private List<RecordedRequest> Recorded()
    {
        var recorded = RecordedRequests.ToList();
        Assert.True(recorded.Count > 0, "RecordedRequests is empty: give the kit at least one real, signed provider request.");
        return recorded;
    }

    private static void NoFailures(List<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{failures.Count} {what}:\n" + string.Join("\n", failures.Take(30)));
}
