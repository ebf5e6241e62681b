using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using Xunit.Sdk;

namespace ContactCenter.Channels.Conformance.Tests;

/// <summary>
/// The kit must be able to fail: misconfigured suites (internal, so xUnit does not run them on their own) are
/// run here and each must report the problem it was given.
/// </summary>
public sealed class KitSelfTests
{
    [Fact]
    public void A_plugin_accepting_unsigned_requests_fails_the_signature_check() =>
        Assert.ThrowsAny<XunitException>(new UnsignedSandboxSuite().Forged_or_missing_signatures_are_refused);

    [Fact]
    public void The_same_plugin_with_a_secret_passes_it() => new SignedSandboxSuite().Forged_or_missing_signatures_are_refused();

    [Fact]
    public async Task A_wrong_classification_fails_the_send_check()
    {
        var suite = new WrongExpectationSuite();
        var failure = await Assert.ThrowsAnyAsync<XunitException>(suite.Send_results_are_classified);
        Assert.Contains("expected Retryable, got WindowClosed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_for_another_contract_fails_the_manifest_check()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cc-conformance-" + Guid.NewGuid().ToString("N"));
        try
        {
            var source = Path.Combine(AppContext.BaseDirectory, "plugins", "whatsapp-cloud");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ChannelSdk.ManifestFileName)))!;
            manifest["contractVersion"] = ChannelSdk.ContractVersion + 1;
            File.WriteAllText(Path.Combine(folder, ChannelSdk.ManifestFileName), manifest.ToJsonString());
            Assert.ThrowsAny<XunitException>(new FolderSuite(folder).Manifest_is_valid_for_this_contract);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private class SandboxSuite(string? secret) : ChannelConformanceSuite
    {
        protected override string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "sandbox");

        protected override IEnumerable<RecordedRequest> RecordedRequests
        {
            get
            {
                var body = Encoding.UTF8.GetBytes("""{"text":"hello"}""");
                var signature = "sha256=" + WebhookSignatures.HmacSha256Hex(secret ?? "unused", body);
                yield return new RecordedRequest("hello", new WebhookRequest("POST", "/w", [], [KeyValuePair.Create("X-Sandbox-Signature", signature)], body));
            }
        }

        protected override IEnumerable<SendScenario> SendScenarios => [];

        protected override IReadOnlyDictionary<string, string> Settings(Uri fakeServer) =>
            secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["signingSecret"] = secret };
    }

    private sealed class UnsignedSandboxSuite() : SandboxSuite(null);

    private sealed class SignedSandboxSuite() : SandboxSuite("s3cret");

    private sealed class FolderSuite(string folder) : SandboxSuite(null)
    {
        protected override string PluginFolder => folder;
    }

    private sealed class WrongExpectationSuite : ChannelConformanceSuite
    {
        private readonly WhatsAppCloudConformanceTests _real = new();

        protected override string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "whatsapp-cloud");

        protected override IEnumerable<RecordedRequest> RecordedRequests => [];

        protected override IEnumerable<SendScenario> SendScenarios =>
        [
            new("window closed, wrongly expected retryable",
                FakeHttpResponse.Json(400, """{"error":{"message":"(#131047) Re-engagement message","code":131047}}"""), SendFailureKind.Retryable),
        ];

        protected override IReadOnlyDictionary<string, string> Settings(Uri fakeServer) => new Dictionary<string, string>
        {
            ["phoneNumberId"] = "1",
            ["accessToken"] = "t",
            ["apiBaseUrl"] = new Uri(fakeServer, "v24.0").ToString(),
        };
    }
}
