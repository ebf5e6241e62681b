using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Domain;
using ContactCenter.Channels.Sdk;
using ContactCenter.Channels.Webhooks;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>
/// Every plugin's webhook parser against seeded random mutations of genuine payloads (WhatsApp Cloud: the published
/// fixtures in tests/fixtures, a copy of shared/fixtures; Sandbox: what its phone page posts). Thousands of cases go
/// straight to the parsers; a few hundred go through the whole host — signed, acknowledged, processed — where none may
/// get a server error, none may stay stuck, and every payload its plugin cannot read must be an inbox failure the
/// admin sees and can re-process. <c>CC_FUZZ_SEED</c> runs other cases; a failure names its seed and case.
/// </summary>
public abstract class WebhookFuzzTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string SandboxSecret = "fuzz-sandbox-secret";

    private const int ParserCasesPerPlugin = 5000;

    private const int HostCasesPerPlugin = 150;

    private static readonly string[] SandboxPayloads =
    [
        """{"messages":[{"id":"sbx-1","from":"5511988887777","name":"Maria Souza","timestamp":1763800000,"type":"text","text":"Olá, quero saber do apartamento"}]}""",
        """{"messages":[{"id":"sbx-2","from":"5511988887777","name":"Maria Souza","timestamp":1763800060,"type":"image","mimeType":"image/png","caption":"a planta","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}]}""",
        """{"statuses":[{"id":"sandbox-0190f5a2000070008000000000000001","status":"delivered","timestamp":1763800100},{"id":"sandbox-0190f5a2000070008000000000000001","status":"read","timestamp":1763800120}]}""",
        """{"messages":[{"id":"sbx-3","from":"5521977776666","type":"text","text":"Oi"},{"id":"sbx-4","from":"5521977776666","type":"text","text":"Tudo bem?"}]}""",
    ];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CC_FUZZ_SEED"), out var seed) ? seed : 20261208;

    [Fact]
    public async Task Thousands_of_mutated_payloads_never_make_a_parser_throw_or_answer_differently_twice()
    {
        var plugins = await PluginsAsync();
        var failures = new List<string>();
        var cases = 0;
        foreach (var (name, account, corpus, sign) in plugins)
        {
            var adapter = (await Host.Services.GetRequiredService<ChannelAdapters>().FindAsync(account, TestContext.Current.CancellationToken))!;
            var mutator = new WebhookMutator(Seed + name.Length);
            for (var i = 0; i < ParserCasesPerPlugin; i++)
            {
                var body = mutator.Mutate(corpus[i % corpus.Count]);
                var request = new WebhookRequest("POST", $"/webhooks/{account}", [], [sign(body)], body);
                cases++;
                try
                {
                    var first = adapter.Parse(request);
                    if (EventDump.Of(first) != EventDump.Of(adapter.Parse(request)))
                    {
                        failures.Add($"{name} case {i}: two parses differ");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{name} case {i}: threw {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.Equal(ParserCasesPerPlugin * plugins.Count, cases);
        Assert.True(failures.Count == 0, $"Seed {Seed}: {failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task Mutated_webhooks_through_the_host_never_fail_the_provider_and_every_unreadable_one_is_an_inbox_failure_to_reprocess()
    {
        var cancel = TestContext.Current.CancellationToken;
        var plugins = await PluginsAsync();
        var cases = new List<(Guid Account, byte[] Body, KeyValuePair<string, string> Signature, bool Unreadable)>();
        foreach (var (name, account, corpus, sign) in plugins)
        {
            var adapter = (await Host.Services.GetRequiredService<ChannelAdapters>().FindAsync(account, cancel))!;
            var mutator = new WebhookMutator(Seed + 1000 + name.Length);
            for (var i = 0; i < HostCasesPerPlugin; i++)
            {
                var body = mutator.Mutate(corpus[i % corpus.Count]);
                var cannotRead = adapter.Parse(new WebhookRequest("POST", $"/webhooks/{account}", [], [sign(body)], body)).Any(e => e is Unparseable);
                cases.Add((account, body, sign(body), cannotRead));
            }
        }

        // The provider's side: every signed webhook is acknowledged, whatever its body.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel }, async (c, ct) =>
        {
            using var content = new ByteArrayContent(c.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{c.Account}") { Content = content };
            request.Headers.Add(c.Signature.Key, c.Signature.Value);
            statuses.Add((await Host.CreateClient().SendAsync(request, ct)).StatusCode);
        });
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        // Processed to the end: a row a handler could not apply is retried with backoff, then failed; none stays pending.
        for (var round = 0; round < 12 && await CountAsync(InboxStatus.Pending) > 0; round++)
        {
            await ProcessAsync();
            Host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var rows = await RowsAsync();
        Assert.Equal(cases.Count, rows.Count);
        Assert.DoesNotContain(rows, r => r.Status == InboxStatus.Pending);
        var byBody = rows.ToLookup(r => Convert.ToHexString(SHA256.HashData(r.Body)));
        var failures = (await FailuresAsync()).Select(f => (string)f!["id"]!).ToHashSet();
        var unreadable = 0;
        foreach (var c in cases.Where(c => c.Unreadable))
        {
            unreadable++;
            var stored = byBody[Convert.ToHexString(SHA256.HashData(c.Body))].Where(r => r.ChannelAccountId == c.Account).ToList();
            Assert.NotEmpty(stored);
            Assert.All(stored, r =>
            {
                Assert.Equal(InboxStatus.Failed, r.Status);
                Assert.False(string.IsNullOrWhiteSpace(r.Error));
                Assert.Contains(r.Id.ToString(), failures);
            });
        }

        Assert.True(unreadable > cases.Count / 10, $"Only {unreadable} of {cases.Count} cases were unreadable: the mutations are too gentle.");

        // What its plugin can read is stored, on every database: none of it may end as a failure (a database that
        // cannot hold some text, a handler that chokes on an odd value).
        var readableFailed = cases.Where(c => !c.Unreadable)
            .SelectMany(c => byBody[Convert.ToHexString(SHA256.HashData(c.Body))].Where(r => r.ChannelAccountId == c.Account && r.Status != InboxStatus.Processed))
            .DistinctBy(r => r.Id)
            .Select(r => $"{r.Status}: {r.Error} — {(Encoding.UTF8.GetString(r.Body) is var text && text.Length > 600 ? text[..600] : text)}")
            .ToList();
        Assert.True(readableFailed.Count == 0, $"Seed {Seed}: {readableFailed.Count} readable payloads were not processed:\n" + string.Join("\n", readableFailed.Take(10)));

        // Re-processing a failure reads it again and keeps it failed, adding nothing.
        var messages = await CountMessagesAsync();
        var again = cases.Where(c => c.Unreadable).Take(5)
            .Select(c => byBody[Convert.ToHexString(SHA256.HashData(c.Body))].First(r => r.ChannelAccountId == c.Account)).DistinctBy(r => r.Id).ToList();
        foreach (var row in again)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Host.CreateAdminClient().PostAsync($"/api/v1/inbox-failures/{row.Id}/reprocess", null, cancel)).StatusCode);
        }

        await ProcessAsync();
        var reread = (await RowsAsync()).ToDictionary(r => r.Id);
        Assert.All(again, r => Assert.Equal((InboxStatus.Failed, r.Error), (reread[r.Id].Status, reread[r.Id].Error)));
        Assert.Equal(messages, await CountMessagesAsync());

        // No message stored twice, and the processor still works: a genuine message after the storm is processed.
        var doubled = await DoubledMessagesAsync();
        var whatsApp = plugins.Single(p => p.Name == "whatsapp-cloud").Account;
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(whatsApp, Encoding.UTF8.GetBytes(Text("wamid.after-the-fuzz", "ainda aqui")), cancellationToken: cancel)).StatusCode);
        await ProcessAsync();
        Assert.Single(await MessagesAsync("wamid.after-the-fuzz"));

        var failed = rows.Count(r => r.Status == InboxStatus.Failed);
        FaultLedger.Record($"Webhook fuzzing through the host ({Kind}): {cases.Count} mutated, {unreadable} unreadable, {failed} kept as failures", new FaultCounts(
            Acknowledged: statuses.Count(s => s == HttpStatusCode.OK),
            Processed: rows.Count,
            Lost: cases.Count - rows.Count,
            Doubled: doubled,
            DoubleAssignments: 0));
        Assert.Equal(0, doubled);
    }

    /// <summary>Each plugin with an account, its genuine payloads and how it signs a body.</summary>
    private async Task<List<(string Name, Guid Account, List<byte[]> Corpus, Func<byte[], KeyValuePair<string, string>> Sign)>> PluginsAsync()
    {
        var whatsApp = Directory.GetFiles(FixturesDirectory, "*.json")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("inbound_", StringComparison.Ordinal) || n.StartsWith("status_", StringComparison.Ordinal) || n.StartsWith("webhook_", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        Assert.True(whatsApp.Count >= 20, "The WhatsApp webhook fixtures are missing.");
        var (created, sandbox) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name = "Sandbox fuzz",
            settings = new Dictionary<string, object?> { ["signingSecret"] = SandboxSecret },
        });
        Assert.True(created.IsSuccessStatusCode, sandbox.ToJsonString());
        return
        [
            ("whatsapp-cloud", await CreateAccountAsync("WhatsApp fuzz"), whatsApp,
                body => KeyValuePair.Create("X-Hub-Signature-256", "sha256=" + WebhookSignatures.HmacSha256Hex(AppSecret, body))),
            ("sandbox", Guid.Parse((string)sandbox["id"]!), [.. SandboxPayloads.Select(Encoding.UTF8.GetBytes)],
                body => KeyValuePair.Create("X-Sandbox-Signature", "sha256=" + WebhookSignatures.HmacSha256Hex(SandboxSecret, body))),
        ];
    }

    private async Task<List<InboxEntry>> RowsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<InboxEntry>().AsNoTracking()
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> CountAsync(InboxStatus status)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<InboxEntry>()
            .CountAsync(e => e.Status == status, TestContext.Current.CancellationToken);
    }

    private async Task<int> CountMessagesAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<ContactCenter.Conversations.Domain.Message>()
            .CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Inbound messages stored more than once under one provider id on one account.</summary>
    private async Task<int> DoubledMessagesAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Set<ContactCenter.Conversations.Domain.Message>().AsNoTracking()
            .Where(m => m.Direction == ContactCenter.Conversations.Domain.MessageDirection.Inbound && m.ProviderMessageId != null)
            .Select(m => new { m.ChannelAccountId, m.ProviderMessageId })
            .ToListAsync(TestContext.Current.CancellationToken);
        return ids.GroupBy(m => m).Count(g => g.Count() > 1);
    }
}

public sealed class WebhookFuzzTestsOnSqlite() : WebhookFuzzTests(DatabaseKind.Sqlite);

public sealed class WebhookFuzzTestsOnPostgres() : WebhookFuzzTests(DatabaseKind.Postgres);
