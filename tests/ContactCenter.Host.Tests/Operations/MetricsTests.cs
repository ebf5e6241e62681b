using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Operations;

/// <summary>
/// What IT's Prometheus sees on <c>/metrics</c> after real traffic: a contact writes, routing places the conversation,
/// the agent answers through the outbox. Figures are read as "at least", and by a team name of the test's own, because
/// other hosts in the same test process publish meters of the same names.
/// </summary>
public abstract partial class MetricsTests(DatabaseKind kind) : InboundTest(kind)
{
    private const string MetricsKey = "scrape-key-for-tests";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["ContactCenter:Metrics:ApiKey"] = MetricsKey };

    [Fact]
    public async Task After_a_message_in_and_a_reply_out_the_products_meters_show_them()
    {
        var account = await CreateAccountAsync();
        // Other hosts in this process publish the same meters: a team name of this test's own tells its figures apart.
        var team = "Metricas " + Guid.NewGuid().ToString("N")[..8];
        var (created, _) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/teams", new { name = team, routingMode = "auto", channelAccountIds = new[] { account } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (ana, _) = await AgentAsync("ana", account);
        var conversation = await ConversationAsync(account, "wamid.metrics-in");
        var (replied, _) = await ana.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá! Posso ajudar?" });
        Assert.Equal(HttpStatusCode.Accepted, replied.StatusCode);
        await SendAllAsync();

        var response = await Host.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Value(text, "contactcenter_messages_received_total", "plugin=\"whatsapp-cloud\"") >= 1, text);
        Assert.True(Value(text, "contactcenter_messages_sent_total", "plugin=\"whatsapp-cloud\"") >= 1, text);
        Assert.True(Value(text, "contactcenter_routing_decisions_total", $"team=\"{team}\"") >= 1, text);
        Assert.True(Value(text, "contactcenter_first_response_duration_seconds_count", string.Empty) >= 1, text);
        Assert.NotNull(Value(text, "contactcenter_conversations_open", string.Empty));
        Assert.True(Value(text, "contactcenter_agents_available", $"team=\"{team}\"") >= 1, text);
        Assert.NotNull(Value(text, "contactcenter_queue_waiting", $"team=\"{team}\""));
        Assert.NotNull(Value(text, "contactcenter_inbox_lag_seconds", string.Empty));
        Assert.NotNull(Value(text, "contactcenter_outbox_queued", "plugin=\"whatsapp-cloud\""));
        Assert.NotNull(Value(text, "http_server_request_duration_seconds_count", string.Empty));
    }

    [Fact]
    public async Task A_request_a_proxy_forwarded_needs_the_metrics_key()
    {
        var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        var withKey = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "Authorization", "Bearer " + MetricsKey } } };
        var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "Authorization", "Bearer nope" } } };

        var refused = await Host.CreateClient().SendAsync(forwarded);
        var allowed = await Host.CreateClient().SendAsync(withKey);
        var wrong = await Host.CreateClient().SendAsync(wrongKey);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden), (refused.StatusCode, allowed.StatusCode, wrong.StatusCode));
        Assert.Equal("metrics_forbidden", (string?)(await refused.ReadJsonAsync())["code"]);
    }

    /// <summary>The largest value of a metric's samples whose labels contain <paramref name="label"/>; null when there is none.</summary>
    private static double? Value(string exposition, string name, string label) =>
        SampleLine().Matches(exposition)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => (double?)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .Max();

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}

public sealed class MetricsTestsOnSqlite() : MetricsTests(DatabaseKind.Sqlite);

public sealed class MetricsTestsOnPostgres() : MetricsTests(DatabaseKind.Postgres);
