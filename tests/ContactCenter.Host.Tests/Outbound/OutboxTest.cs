using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Outbound;

/// <summary>
/// The real host and the real WhatsApp plugin against a fake Graph API on 127.0.0.1. The background loop is
/// off: tests run the sender with DrainAsync and move the clock instead of waiting. <see cref="Node"/> is the
/// host with a test event handler; <see cref="StartNodeAsync"/> adds more nodes on the same database.
/// </summary>
public abstract class OutboxTest(DatabaseKind kind) : IAsyncLifetime
{
    protected const string Phone = "5511987654321";

    private int _accepted;

    protected DatabaseKind Kind { get; } = kind;

    protected TestHost Host { get; private set; } = null!;

    protected WebApplicationFactory<Program> Node { get; private set; } = null!;

    protected EventRecorder Events { get; } = new();

    protected FakeHttpServer Graph { get; private set; } = null!;

    /// <summary>What the fake Graph API answers; tests replace it.</summary>
    protected Func<RecordedHttpRequest, FakeHttpResponse> Respond { get; set; } = null!;

    protected Guid AccountId { get; private set; }

    protected virtual double MessagesPerSecond => 1000;

    /// <summary>Tests that set this run the real background loop; its poll is then an hour, so only the wake-up can send.</summary>
    protected virtual bool BackgroundSending => false;

    /// <summary>More configuration on top of the outbox defaults above (e.g. one send at a time).</summary>
    protected virtual IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    protected IReadOnlyList<RecordedHttpRequest> Sends => Graph.Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();

    public virtual async ValueTask InitializeAsync()
    {
        Respond = _ => Accept();
        Graph = await FakeHttpServer.StartAsync(r => Respond(r));
        var settings = new Dictionary<string, string?>
        {
            ["ContactCenter:Outbox:BackgroundSending"] = BackgroundSending ? "true" : "false",
            ["ContactCenter:Outbox:PollMilliseconds"] = BackgroundSending ? "3600000" : "1000",
            ["ContactCenter:Outbox:HttpTimeoutSeconds"] = "1",
            ["ContactCenter:Outbox:MessagesPerSecond"] = MessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        Host = await TestHost.StartAsync(Kind, settings: settings);
        Node = StartNode();
        AccountId = await CreateAccountAsync(new Uri(Graph.BaseAddress, "v24.0").ToString());
    }

    /// <summary>Another host process on the same database and clock (a second node), with the test event handler.</summary>
    protected WebApplicationFactory<Program> StartNode()
    {
        var node = Host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEventHandler<OutboundMessageAccepted>>(Events);
            services.AddSingleton<IEventHandler<OutboundMessageFailed>>(Events);
        }));
        _ = node.Server;
        return node;
    }

    /// <summary>Stops the host and starts it again on the same database (a service restart; in-memory state is gone).</summary>
    protected async Task RestartAsync()
    {
        Host = await Host.RestartAsync();
        Node = StartNode();
    }

    protected HttpClient Admin(string? language = null)
    {
        var client = Node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.AdminApiKey);
        if (language is not null)
        {
            // The UI's culture cookie: the only way the host picks a language (pt-BR by default).
            client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={language}|uic={language}"));
        }

        return client;
    }

    protected async Task<Guid> CreateAccountAsync(string apiBaseUrl, string name = "Vendas")
    {
        var (response, body) = await Admin().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name,
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "106540352242922",
                ["wabaId"] = "102290129340398",
                ["accessToken"] = "test-access-token",
                ["appSecret"] = "test-app-secret",
                ["verifyToken"] = "test-verify-token",
                ["apiBaseUrl"] = apiBaseUrl,
            },
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }

    /// <summary>Enqueues like the Conversations module will: in a scope, then one SaveChanges.</summary>
    protected async Task<Guid> EnqueueAsync(OutboundPayload? content = null, string phone = Phone, Guid? accountId = null)
    {
        var id = Guid.CreateVersion7();
        await using var scope = Node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(
            new OutboundRequest(id, accountId ?? AccountId, new OutboundRecipient(phone), content ?? new SendText("Olá! Seu imóvel está disponível.")));
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
        return id;
    }

    protected Task<int> DrainAsync(WebApplicationFactory<Program>? node = null) =>
        (node ?? Node).Services.GetRequiredService<OutboxSender>().DrainAsync(TestContext.Current.CancellationToken);

    internal async Task<OutboxMessage> RowAsync(Guid hostMessageId)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.HostMessageId == hostMessageId);
    }

    protected DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Meta's answer to an accepted send, with a new wamid each time.</summary>
    protected FakeHttpResponse Accept() => FakeHttpResponse.Json(200, new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        ["contacts"] = new JsonArray(new JsonObject { ["input"] = "+" + Phone, ["wa_id"] = Phone }),
        ["messages"] = new JsonArray(new JsonObject { ["id"] = $"wamid.{Interlocked.Increment(ref _accepted)}" }),
    }.ToJsonString());

    protected static FakeHttpResponse GraphError(int status, int code, string message = "failure") =>
        FakeHttpResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code}) {message}",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message },
                ["fbtrace_id"] = "T",
            },
        }.ToJsonString());

    protected static string To(RecordedHttpRequest request) => JsonNode.Parse(request.Body)?["to"]?.ToString() ?? string.Empty;

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A test handler for the sender's events, as the Conversations module will have.</summary>
public sealed class EventRecorder : IEventHandler<OutboundMessageAccepted>, IEventHandler<OutboundMessageFailed>
{
    public ConcurrentQueue<OutboundMessageAccepted> Accepted { get; } = new();

    public ConcurrentQueue<OutboundMessageFailed> Failed { get; } = new();

    public TaskCompletionSource<OutboundMessageAccepted> FirstAccepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the handler fail, like a broken reaction in another module.</summary>
    public bool ThrowOnAccepted { get; set; }

    public Task HandleAsync(OutboundMessageAccepted domainEvent, CancellationToken cancellationToken)
    {
        Accepted.Enqueue(domainEvent);
        FirstAccepted.TrySetResult(domainEvent);
        if (ThrowOnAccepted)
        {
            throw new InvalidOperationException("A reaction to the event failed.");
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(OutboundMessageFailed domainEvent, CancellationToken cancellationToken)
    {
        Failed.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
