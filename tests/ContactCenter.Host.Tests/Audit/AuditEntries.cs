using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>Reading the audit log as an admin does (<c>GET /api/v1/audit</c>), for the tests of each area's audited actions.</summary>
internal static class AuditEntries
{
    public static async Task<List<JsonNode>> ReadAsync(TestHost host, string query = "") =>
        [.. (await host.CreateAdminClient().GetJsonAsync($"/api/v1/audit{query}"))["items"]!.AsArray().Select(e => e!)];

    public static IReadOnlyList<AuditLogTests.Change> Changes(JsonNode entry) =>
        [.. entry["changes"]!.AsArray().Select(c => new AuditLogTests.Change((string)c!["field"]!, (string?)c["before"], (string?)c["after"]))];

    /// <summary>Who did it, to what, from where: (action, actorKind, actorName, targetKind, targetId, clientAddress).</summary>
    public static (string?, string?, string?, string?, string?, string?) Summary(JsonNode entry) =>
        ((string?)entry["action"], (string?)entry["actorKind"], (string?)entry["actorName"], (string?)entry["targetKind"], (string?)entry["targetId"], (string?)entry["clientAddress"]);

    /// <summary>A browser session of <paramref name="userName"/> (password <see cref="Arrange.Password"/>) coming from <paramref name="address"/>.</summary>
    public static async Task<HttpClient> BrowserAsync(TestHost host, string userName, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestHost.ClientAddressHeader, address);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Arrange.Password })).EnsureSuccessStatusCode();
        return client;
    }
}
