using System.Text;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

/// <summary>
/// Meta's published payloads, copied into tests/fixtures/whatsapp-cloud (see its SOURCES.md).
/// </summary>
public static class Fixtures
{
    public const string AppSecret = "test-app-secret";

    public static string Directory { get; } = Path.Combine(FindRepoRoot(), "tests", "fixtures", "whatsapp-cloud");

    public static IEnumerable<string> Names(params string[] prefixes) =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>A POST as Meta sends it: the raw bytes and their X-Hub-Signature-256.</summary>
    public static WebhookRequest Webhook(byte[] body, string secret = AppSecret) =>
        new("POST", "/webhooks/test", [], [KeyValuePair.Create("X-Hub-Signature-256", "sha256=" + WebhookSignatures.HmacSha256Hex(secret, body)),
            KeyValuePair.Create("Content-Type", "application/json")], body);

    public static WebhookRequest Webhook(string json) => Webhook(Encoding.UTF8.GetBytes(json));

    public static WebhookRequest WebhookFile(string name) => Webhook(Bytes(name));

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContactCenter.sln not found above the test folder.");
    }
}
