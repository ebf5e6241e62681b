using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// kill -9 of the host process under webhook load, then a restart on the same database: what was acknowledged before
/// the kill is processed after the restart, exactly once, and what the killed host never answered is retried by the
/// "provider" (this test) until acknowledged. The host runs as its own process (<see cref="HostProcess"/>) because a
/// SIGKILL must not take the test with it.
/// </summary>
public abstract class HostKillTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string AppSecret = "kill-app-secret";

    private TestDatabase? _database;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(kind);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_host_killed_mid_load_loses_and_doubles_nothing_it_acknowledged()
    {
        var cancel = TestContext.Current.CancellationToken;
        var database = _database!;
        var host = await HostProcess.StartAsync(database, "host-1.log");
        try
        {
            var account = await CreateAccountAsync(host);
            var acknowledged = new ConcurrentDictionary<string, byte>();
            var unanswered = new ConcurrentQueue<string>();
            var next = 0;

            // Four "provider" connections post without pause; the host is killed once 150 are acknowledged.
            using var stop = new CancellationTokenSource();
            var target = host.BaseUrl;
            var posters = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                while (!stop.IsCancellationRequested)
                {
                    var id = $"wamid.kill-{Interlocked.Increment(ref next)}";
                    if (await TryPostAsync(client, target, account, id))
                    {
                        acknowledged.TryAdd(id, 0);
                    }
                    else
                    {
                        // Like a provider, pause before the next delivery: against a dead port each try fails at once,
                        // and a thousand ids to retry one by one would only make the test slow.
                        unanswered.Enqueue(id);
                        await Task.Delay(100, CancellationToken.None);
                    }
                }
            }, cancel)).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 150 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancel);
            }

            Assert.True(acknowledged.Count >= 150, $"Only {acknowledged.Count} webhooks were acknowledged before the kill.");
            await host.KillAsync();
            await Task.Delay(300, cancel); // posters meet a dead port for a moment
            await stop.CancelAsync();
            await Task.WhenAll(posters);
            var atKill = acknowledged.Count;

            await host.DisposeAsync();
            host = await HostProcess.StartAsync(database, "host-2.log");

            // The provider retries what got no answer, re-delivers some acknowledged ones, and new load arrives.
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var retried = unanswered.ToList();
            foreach (var id in retried.Concat(acknowledged.Keys.Take(20)).Concat(Enumerable.Range(0, 50).Select(i => $"wamid.after-kill-{i}")))
            {
                for (var attempt = 0; ; attempt++)
                {
                    if (await TryPostAsync(client, host.BaseUrl, account, id))
                    {
                        acknowledged.TryAdd(id, 0);
                        break;
                    }

                    Assert.True(attempt < 20, $"{id} was never acknowledged after the restart.");
                    await Task.Delay(100, cancel);
                }
            }

            // Every acknowledged message is stored exactly once, each contact in one conversation.
            var admin = host.CreateAdminClient();
            var stored = new Dictionary<string, JsonArray>();
            var settle = DateTime.UtcNow.AddSeconds(90);
            foreach (var id in acknowledged.Keys)
            {
                while (true)
                {
                    var items = (await admin.GetJsonAsync($"/api/v1/messages?providerMessageId={Uri.EscapeDataString(id)}"))["items"]!.AsArray();
                    if (items.Count > 0 || DateTime.UtcNow > settle)
                    {
                        stored[id] = items;
                        break;
                    }

                    await Task.Delay(100, cancel);
                }
            }

            var lost = stored.Count(s => s.Value.Count == 0);
            var doubled = stored.Count(s => s.Value.Count > 1);
            var doubleAssignments = stored.Values.Where(v => v.Count > 0)
                .Select(v => (Phone: Sender((string)v[0]!["text"]!), Conversation: (string)v[0]!["conversationId"]!))
                .Distinct().GroupBy(p => p.Phone).Count(g => g.Count() > 1);
            FaultLedger.Record($"Host killed with SIGKILL mid-load and restarted ({kind}): {atKill} acknowledged before the kill, {retried.Count} unanswered then retried", new FaultCounts(
                Acknowledged: acknowledged.Count,
                Processed: stored.Count(s => s.Value.Count > 0),
                Lost: lost,
                Doubled: doubled,
                DoubleAssignments: doubleAssignments));
            Assert.Equal((0, 0, 0), (lost, doubled, doubleAssignments));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Ten senders, each several messages: the phone is written into the text so a stored message names it.</summary>
    private static string Phone(string id) => "55119777700" + (id.Sum(c => c) % 10).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Sender(string text) => text[(text.LastIndexOf(' ') + 1)..];

    private static async Task<bool> TryPostAsync(HttpClient client, string baseUrl, Guid account, string id)
    {
        var phone = Phone(id);
        var json = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":
             {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Cliente"},"wa_id":"{{{phone}}}"}],
              "messages":[{"from":"{{{phone}}}","id":"{{{id}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"text","text":{"body":"mensagem {{{id}}} de {{{phone}}}"}}]}}]}]}
            """;
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/webhooks/{account}") { Content = content };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignatures.HmacSha256Hex(AppSecret, body));
        try
        {
            using var response = await client.SendAsync(request);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // the host died under it: not acknowledged, the provider retries
        }
    }

    private static async Task<Guid> CreateAccountAsync(HostProcess host)
    {
        var (response, body) = await host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "whatsapp-cloud",
            name = "Vendas",
            settings = new Dictionary<string, object?>
            {
                ["phoneNumberId"] = "106540352242922",
                ["wabaId"] = "102290129340398",
                ["accessToken"] = "EAAG-test-token",
                ["appSecret"] = AppSecret,
                ["verifyToken"] = "kill-verify-token",
                ["apiBaseUrl"] = "http://127.0.0.1:9/v24.0",
            },
        });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }
}

public sealed class HostKillTestsOnSqlite() : HostKillTests(DatabaseKind.Sqlite);

public sealed class HostKillTestsOnPostgres() : HostKillTests(DatabaseKind.Postgres);
