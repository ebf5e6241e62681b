using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Ui.Tests.Infrastructure;

/// <summary>
/// Plays a provider towards the host: a Sandbox channel account with a known signing secret, and webhooks signed with it,
/// so a test makes contacts write without a phone page of its own.
/// </summary>
public static class SandboxWebhook
{
    public const string SigningSecret = "ui-inbox-signing-secret";

    public static async Task<string> CreateSignedAccountAsync(HttpClient admin, string name, Dictionary<string, string>? settings = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name = name + " " + Guid.NewGuid().ToString("N")[..6],
            settings = new Dictionary<string, string>(settings ?? []) { ["signingSecret"] = SigningSecret },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A text from <paramref name="phone"/>, as the sandbox phone posts it.</summary>
    public static Task PostMessageAsync(string baseUrl, string account, string phone, string? name, string text, DateTimeOffset? at = null) =>
        PostAsync(baseUrl, account, new
        {
            messages = new[]
            {
                new { id = "sbx-" + Guid.NewGuid().ToString("N"), from = phone, name, timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), type = "text", text },
            },
        });

    public static async Task PostAsync(string baseUrl, string account, object payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{account}") { Content = content };
        request.Headers.Add("X-Sandbox-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), body)));
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
