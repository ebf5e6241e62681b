using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Outbound;
using ContactCenter.Channels.Sdk;
using ContactCenter.Conversations.Media;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>
/// Base of the inbound tests: WhatsApp Cloud accounts created through the API (pointed at a fake Graph server),
/// webhooks signed as Meta signs them, and processing run to idle instead of waited for.
/// </summary>
public abstract class InboundTest(DatabaseKind kind) : HostTest(kind)
{
    public const string AppSecret = "inbound-app-secret";
    public const string VerifyToken = "inbound-verify-token";

    protected FakeGraph Graph { get; private set; } = null!;

    /// <summary>Meta's published payloads, kept in tests/fixtures/whatsapp-cloud.</summary>
    public static string FixturesDirectory
    {
        get
        {
            var directory = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "whatsapp-cloud"));
            return Directory.Exists(directory)
                ? directory
                : throw new DirectoryNotFoundException(
                    $"The WhatsApp fixtures are missing: expected {directory} (tests/fixtures in the repository).");
        }
    }

    public override async ValueTask InitializeAsync()
    {
        // Skip before the fake Graph starts: a skipped test's InitializeAsync never reaches DisposeAsync, and every
        // leaked fake holds a file watcher (inotify instances run out after ~128 skipped tests).
        TestDatabase.SkipUnlessAvailable(Kind);
        Graph = await FakeGraph.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>A utility template with two body variables ("Olá {{1}}, aqui é da {{2}}…").</summary>
    protected static object TemplateBody(Guid account) => new
    {
        channelAccountId = account,
        name = "retomada_atendimento",
        language = "pt_BR",
        category = "utility",
        body = "Olá {{1}}, aqui é da {{2}}. Podemos continuar seu atendimento?",
        bodyExamples = new[] { "Maria", "Imobiliária Demo" },
    };

    /// <summary>The template created and approved by Meta's status webhook; returns its id.</summary>
    protected async Task<string> ApprovedTemplateAsync(Guid account)
    {
        var (created, template) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/templates", TemplateBody(account));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var update = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":{{{Host.Clock.GetUtcNow().ToUnixTimeSeconds()}}},"changes":[{"field":"message_template_status_update","value":
             {"event":"APPROVED","message_template_id":594425479261596,"message_template_name":"retomada_atendimento","message_template_language":"pt_BR","reason":"NONE"}}]}]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, update)).StatusCode);
        await ProcessAsync();
        return (string)template["id"]!;
    }

    /// <summary>The outbox sends everything queued to the fake Graph API, and its answers are processed.</summary>
    protected async Task SendAllAsync()
    {
        await Host.Services.GetRequiredService<OutboxSender>().DrainAsync();
        await ProcessAsync();
    }

    /// <summary>The contact 5511988887777 writes; returns the conversation it opened.</summary>
    protected async Task<string> ConversationAsync(Guid account, string messageId)
    {
        await PostWebhookAsync(account, Text(messageId, "Oi, vi o anúncio"));
        await ProcessAsync();
        return (string)(await SingleMessageAsync(messageId))["conversationId"]!;
    }

    /// <summary>An agent of the "Comercial" team (created on first use, serving the account), signed in with <see cref="Queues.Arrange.Password"/>.</summary>
    protected async Task<(HttpClient Client, Guid Id)> AgentAsync(string userName, Guid account, string presence = "available")
    {
        var admin = Host.CreateAdminClient();
        var teams = (await admin.GetJsonAsync("/api/v1/teams")).AsArray();
        Guid teamId;
        if (teams.Count == 0)
        {
            var (created, team) = await admin.PostJsonAsync("/api/v1/teams", new { name = "Comercial", routingMode = "auto", channelAccountIds = new[] { account } });
            Assert.True(created.IsSuccessStatusCode, team.ToJsonString());
            teamId = Guid.Parse((string)team["id"]!);
        }
        else
        {
            teamId = Guid.Parse((string)teams[0]!["id"]!);
        }

        var id = await Host.CreateUserAsync(userName, "agent", displayName: userName);
        var members = (await admin.GetJsonAsync($"/api/v1/teams/{teamId}"))["members"]!.AsArray().Select(m => Guid.Parse((string)m!["userId"]!)).Append(id).ToArray();
        await Host.SetMembersAsync(teamId, members);
        if (presence != "offline")
        {
            Assert.True((await admin.PutJsonAsync($"/api/v1/agents/{id}/presence", new { presence })).Response.IsSuccessStatusCode);
        }

        return (await Host.LoginAsync(userName, Arrange.Password), id);
    }

    protected async Task<Guid> CreateAccountAsync(string name = "Vendas")
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name,
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "106540352242922",
                ["wabaId"] = "102290129340398",
                ["accessToken"] = "EAAG-test-token",
                ["appSecret"] = AppSecret,
                ["verifyToken"] = VerifyToken,
                ["apiBaseUrl"] = Graph.ApiBaseUrl,
            },
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    protected Task<HttpResponseMessage> PostWebhookAsync(Guid account, string json) => PostWebhookAsync(account, Encoding.UTF8.GetBytes(json));

    /// <summary>Posts raw bytes signed with <paramref name="secret"/> (no signature header when it is null).</summary>
    protected async Task<HttpResponseMessage> PostWebhookAsync(
        Guid account, byte[] body, string? secret = AppSecret, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{account}") { Content = content };
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignatures.HmacSha256Hex(secret, body));
        }

        return await Host.CreateClient().SendAsync(request, cancellationToken);
    }

    /// <summary>Runs the inbox processor, then the media fetcher, until both are idle.</summary>
    protected async Task ProcessAsync()
    {
        await Host.Services.GetRequiredService<InboxProcessor>().DrainAsync();
        await Host.Services.GetRequiredService<MediaFetcher>().DrainAsync();
    }

    protected async Task<JsonArray> MessagesAsync(string providerMessageId, HttpClient? client = null) =>
        (await (client ?? Host.CreateAdminClient()).GetJsonAsync($"/api/v1/messages?providerMessageId={Uri.EscapeDataString(providerMessageId)}"))["items"]!.AsArray();

    protected async Task<JsonNode> SingleMessageAsync(string providerMessageId) => Assert.Single(await MessagesAsync(providerMessageId))!;

    protected async Task<JsonArray> FailuresAsync() => (await Host.CreateAdminClient().GetJsonAsync("/api/v1/inbox-failures"))["items"]!.AsArray();

    protected int InboxRows()
    {
        using var scope = Host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContactCenter.Kernel.Data.ContactCenterDbContext>().Set<InboxEntry>().Count();
    }

    /// <summary>A WhatsApp webhook with one text message from 5511988887777 (Ana) at the host clock's now (or the given time).</summary>
    protected string Text(string id, string body, DateTimeOffset? at = null, string from = "5511988887777") =>
        Envelope(Inner(id, "text", $$"""{"body":"{{body}}"}""", at, from), from);

    protected string Inner(string id, string type, string typeObject, DateTimeOffset? at = null, string from = "5511988887777") =>
        $$"""{"from":"{{from}}","id":"{{id}}","timestamp":"{{(at ?? Host.Clock.GetUtcNow()).ToUnixTimeSeconds()}}","type":"{{type}}","{{type}}":{{typeObject}}}""";

    protected static string Envelope(string messages, string from = "5511988887777") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":
         {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
          "contacts":[{"profile":{"name":"Ana"},"wa_id":"{{{from}}}"}],"messages":[{{{messages}}}]}}]}]}
        """;

    /// <summary>An outbound message the business sent earlier (the send path is not built yet), for statuses to land on.</summary>
    protected async Task SeedOutboundAsync(Guid account, string providerMessageId)
    {
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenter.Kernel.Data.ContactCenterDbContext>();
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var conversation = new ContactCenter.Conversations.Domain.Conversation
        {
            ContactId = Guid.CreateVersion7(),
            ContactPhone = "5511988887777",
            ChannelAccountId = account,
            CreatedAt = now,
            LastMessageAt = now,
        };
        db.Add(conversation);
        db.Add(new ContactCenter.Conversations.Domain.Message
        {
            ConversationId = conversation.Id,
            ChannelAccountId = account,
            Direction = ContactCenter.Conversations.Domain.MessageDirection.Outbound,
            Type = "text",
            Text = "Olá!",
            ProviderMessageId = providerMessageId,
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    protected static string Status(string id, string status, long time, string extra = "") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":
         {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
          "statuses":[{"id":"{{{id}}}","status":"{{{status}}}","timestamp":"{{{time}}}","recipient_id":"5511988887777"{{{extra}}}}]}}]}]}
        """;
}
