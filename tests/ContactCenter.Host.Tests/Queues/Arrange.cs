using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Queues;

/// <summary>Arranges users, teams and products through the public API, as an admin would.</summary>
public static class Arrange
{
    public const string Password = "password1";

    public static async Task<Guid> CreateUserAsync(this TestHost host, string userName, string role, string? displayName = null)
    {
        var (response, body) = await host.CreateAdminClient().PostJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = displayName ?? userName,
            password = Password,
            role,
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }

    public static async Task<Guid> CreateTeamAsync(this TestHost host, string name, string routingMode = "auto")
    {
        var (response, body) = await host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name, routingMode });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }

    public static async Task SetMembersAsync(this TestHost host, Guid teamId, params Guid[] userIds)
    {
        var (response, _) = await host.CreateAdminClient().PutJsonAsync($"/api/v1/teams/{teamId}/members", new { userIds });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<Guid> CreateSandboxChannelAsync(this TestHost host, string name)
    {
        var (response, body) = await host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name,
            settings = new Dictionary<string, string>(),
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }

    public static async Task<Guid> CreateProductAsync(this TestHost host, string name, Guid teamId)
    {
        var (response, body) = await host.CreateAdminClient().PostJsonAsync("/api/v1/products", new { name, teamId });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }
}
