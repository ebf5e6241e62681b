using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Leads.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>
/// Base of the lead tests: a team serving a Sandbox number and selling one product, leads taken through the API or the
/// public form, and the person writing from the sandbox phone through the real webhook, inbox and processor.
/// </summary>
public abstract class LeadsTest(DatabaseKind kind) : InboundTest(kind)
{
    protected Guid Account { get; private set; }

    protected Guid TeamId { get; private set; }

    protected Guid ProductId { get; private set; }

    protected const string ProductSlug = "apartamentos";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Account = await Host.CreateSandboxChannelAsync("Loja Centro");
        TeamId = await CreateTeamAsync("Vendas Centro", Account);
        ProductId = await CreateProductAsync("Apartamentos", ProductSlug, TeamId);
    }

    protected async Task<Guid> CreateTeamAsync(string name, params Guid[] channelAccountIds)
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name, channelAccountIds });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    protected async Task<Guid> CreateProductAsync(string name, string slug, Guid teamId)
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/products", new { name, slug, teamId });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    protected Task<(HttpResponseMessage Response, JsonNode Body)> PostLeadAsync(
        string name, string email, string phone, string? cpf = null, Guid? productId = null, Guid? contactId = null, HttpClient? client = null) =>
        (client ?? Host.CreateAdminClient()).PostJsonAsync("/api/v1/leads", new { productId = productId ?? ProductId, name, email, phone, cpf, contactId });

    protected async Task<JsonNode> CreateLeadAsync(string name, string email, string phone, Guid? productId = null)
    {
        var (response, body) = await PostLeadAsync(name, email, phone, productId: productId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    /// <summary>The person writes on the sandbox phone; the inbox is processed to idle.</summary>
    protected async Task WriteOnWhatsAppAsync(string phone, string text, string? profileName = "Cliente")
    {
        using var scope = Host.Services.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>()
            .SendTextAsync(Account, new SandboxPhone.Person(phone, profileName), text, default);
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        await ProcessAsync();
    }

    protected async Task<int> RunUnansweredLeadsAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UnansweredLeads>().RunDueAsync();
    }

    protected async Task<JsonArray> ContactsAsync(string? search = null, HttpClient? client = null) =>
        (await (client ?? Host.CreateAdminClient()).GetJsonAsync($"/api/v1/contacts?search={Uri.EscapeDataString(search ?? string.Empty)}"))["items"]!.AsArray();

    protected async Task<JsonNode> ContactAsync(Guid id) => await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{id}");

    protected async Task<JsonArray> TimelineAsync(Guid id) => (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{id}/timeline"))["items"]!.AsArray();

    protected async Task<JsonArray> TasksAsync(string query = "") => (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/tasks{query}")).AsArray();

    protected static Guid IdOf(JsonNode node, string property = "id") => Guid.Parse((string)node[property]!);
}
