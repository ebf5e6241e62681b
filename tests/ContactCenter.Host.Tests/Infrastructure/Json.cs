using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Host.Tests.Infrastructure;

public static class Json
{
    /// <summary>Reads a response as a JSON tree: tests assert on the wire format integrators see.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException("Empty body");
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PutJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PatchJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PatchAsJsonAsync(url, body);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }
}
