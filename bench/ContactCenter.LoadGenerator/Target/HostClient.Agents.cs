using System.Net.Http.Json;
using System.Text.Json;

namespace ContactCenter.LoadGenerator.Target;

/// <summary>The admin API calls that make agents for the browser phases: users, a team on a number, presence, and where
/// a contact's conversation went.</summary>
internal sealed partial class HostClient
{
    /// <summary>Creates an agent who logs in with this name and password; returns the user id.</summary>
    public async Task<Guid> CreateAgentAsync(string userName, string displayName, string password, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/users", new { userName, displayName, password, role = "agent" }, ct)).GetProperty("id").GetGuid();

    /// <summary>A team that takes the conversations of these numbers, routed automatically to its available members.</summary>
    public async Task<Guid> CreateTeamAsync(string name, IReadOnlyList<Guid> channelAccountIds, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/teams", new { name, channelAccountIds }, ct)).GetProperty("id").GetGuid();

    public Task SetTeamMembersAsync(Guid teamId, IReadOnlyList<Guid> userIds, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/teams/{teamId}/members", new { userIds }, ct);

    public Task SetAvailableAsync(Guid userId, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/agents/{userId}/presence", new { presence = "available" }, ct);

    /// <summary>The routing timers with the first-response timeout at its maximum (a day): the bench's agents never answer,
    /// and their conversations must stay theirs while they are watched (the other timers at the product's defaults).</summary>
    public Task KeepAssignmentsAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Put, "/api/v1/routing/settings",
            new { backlogRoundSeconds = 30, firstResponseTimeoutSeconds = 86_400, unansweredLeadMinutes = 15, awayAfterDisconnectSeconds = 120 }, ct);

    /// <summary>The conversation a stored message belongs to, or null while it is not stored yet.</summary>
    public async Task<Guid?> FindConversationOfMessageAsync(string providerMessageId, CancellationToken ct)
    {
        var page = await SendAsync(HttpMethod.Get, $"/api/v1/messages?providerMessageId={Uri.EscapeDataString(providerMessageId)}", null, ct);
        return page.GetProperty("items").EnumerateArray().Select(m => (Guid?)m.GetProperty("conversationId").GetGuid()).FirstOrDefault();
    }

    /// <summary>The agent a conversation is assigned to, or null while it waits.</summary>
    public async Task<Guid?> AssignedAgentAsync(Guid conversationId, CancellationToken ct)
    {
        var conversation = await SendAsync(HttpMethod.Get, $"/api/v1/conversations/{conversationId}", null, ct);
        return conversation.TryGetProperty("assignedAgentId", out var agent) && agent.ValueKind == JsonValueKind.String ? agent.GetGuid() : null;
    }

    /// <summary>One admin call under the per-request timeout; anything but 2xx stops the run with what the host said.</summary>
    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        HttpResponseMessage answered;
        try
        {
            answered = await Timed(async t =>
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                return await _api.SendAsync(request, t);
            }, ct);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException)
        {
            throw new TargetException($"{method} {path} did not answer: {e.Message}");
        }

        using var response = answered;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new TargetException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
