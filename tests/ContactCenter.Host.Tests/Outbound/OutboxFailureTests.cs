using System.Globalization;
using System.Net;
using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Outbound;

public abstract class OutboxFailureTests(DatabaseKind kind) : OutboxTest(kind)
{
    [Fact]
    public async Task A_closed_window_fails_at_once_without_retry_and_tells_the_agent_in_plain_words()
    {
        Respond = _ => GraphError(400, 131047, "Re-engagement message");
        var id = await EnqueueAsync();

        Assert.Equal(1, await DrainAsync());

        var failed = Assert.Single(Events.Failed);
        Assert.Equal(id, failed.HostMessageId);
        Assert.Equal(OutboundFailureKind.WindowClosed, failed.Kind);
        Assert.Equal("131047", failed.ProviderCode);
        Assert.Contains("Re-engagement message", failed.ProviderText, StringComparison.Ordinal);
        Assert.Equal(OutboundReasons.WindowClosed, failed.ReasonCode);
        Assert.Equal("The 24-hour window is closed: send an approved template.", failed.PlainMessage);
        Assert.Equal("A janela de 24 horas está fechada: envie um modelo aprovado.",
            OutboundReasons.Describe(failed.ReasonCode, CultureInfo.GetCultureInfo("pt-BR")));
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(id)).Status);

        Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await DrainAsync());
        Assert.Single(Sends);
        Assert.Empty(Events.Accepted);
    }

    [Theory]
    [InlineData(131026, OutboundFailureKind.BadRecipient, OutboundReasons.BadRecipient)]
    [InlineData(132001, OutboundFailureKind.TemplateProblem, OutboundReasons.TemplateProblem)]
    [InlineData(132000, OutboundFailureKind.TemplateProblem, OutboundReasons.TemplateProblem)]
    [InlineData(190, OutboundFailureKind.Permanent, OutboundReasons.Permanent)]
    public async Task Failures_that_retrying_cannot_fix_fail_at_once(int code, OutboundFailureKind kind, string reason)
    {
        Respond = _ => GraphError(400, code);
        var id = await EnqueueAsync(new SendTemplate("boas_vindas", "pt_BR", BodyParameters: [new TemplateValue("Ana")]));

        Assert.Equal(1, await DrainAsync());

        var failed = Assert.Single(Events.Failed);
        Assert.Equal((id, kind, reason), (failed.HostMessageId, failed.Kind, failed.ReasonCode));
        Assert.Equal(OutboundReasons.Describe(reason, CultureInfo.InvariantCulture), failed.PlainMessage);
        Host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await DrainAsync());
        Assert.Single(Sends);
    }

    [Fact]
    public async Task Admins_see_failures_in_plain_words_and_retry_only_those_a_later_try_may_cure()
    {
        var flaky = await EnqueueAsync();
        Respond = r => To(r) == "+5511900000000" ? GraphError(400, 131047, "Re-engagement message") : GraphError(503, 131016, "Service unavailable");
        var closed = await EnqueueAsync(phone: "5511900000000");

        // Ten attempts with backoff, then the sender gives up on the flaky one.
        for (var i = 0; i < 12; i++)
        {
            await DrainAsync();
            Host.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.Equal(11, Sends.Count);
        var gaveUp = Assert.Single(Events.Failed, e => e.HostMessageId == flaky);
        Assert.Equal((OutboundFailureKind.Retryable, OutboundReasons.GaveUp, "131016"), (gaveUp.Kind, gaveUp.ReasonCode, gaveUp.ProviderCode));

        var list = (await Admin("pt-BR").GetJsonAsync("/api/v1/outbox?status=failed")).AsArray();
        Assert.Equal(2, list.Count);
        var closedItem = list.Single(i => (string?)i!["hostMessageId"] == closed.ToString())!;
        Assert.Equal("failed", (string?)closedItem["status"]);
        Assert.Equal("windowClosed", (string?)closedItem["errorKind"]);
        Assert.Equal("A janela de 24 horas está fechada: envie um modelo aprovado.", (string?)closedItem["reason"]);
        Assert.False((bool)closedItem["retryable"]!);
        var english = (await Admin("en").GetJsonAsync("/api/v1/outbox?status=failed")).AsArray();
        Assert.Equal("The 24-hour window is closed: send an approved template.",
            (string?)english.Single(i => (string?)i!["hostMessageId"] == closed.ToString())!["reason"]);

        var refused = await Admin().PostAsync($"/api/v1/outbox/{closedItem["id"]}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("outbox_not_retryable", (string?)(await refused.ReadJsonAsync())["code"]);

        var flakyId = (string)list.Single(i => (string?)i!["hostMessageId"] == flaky.ToString())!["id"]!;
        Respond = _ => Accept();
        var retried = await Admin().PostAsync($"/api/v1/outbox/{flakyId}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("pending", (string?)(await retried.ReadJsonAsync())["status"]);
        // Only the retry that happened is in the audit log, with what it reset; the refused one left nothing.
        var audited = Assert.Single(await Audit.AuditEntries.ReadAsync(Host, "?targetKind=outboxMessage"));
        Assert.Equal(("outbox.retried", "apiKey", flakyId), ((string?)audited["action"], (string?)audited["actorKind"], (string?)audited["targetId"]));
        Assert.Equal(
            [new("attempts", "10", "0"), new("reasonCode", OutboundReasons.GaveUp, null), new("status", "failed", "pending")],
            Audit.AuditEntries.Changes(audited).OrderBy(c => c.Field, StringComparer.Ordinal));
        Assert.Equal(1, await DrainAsync());
        Assert.Equal(OutboxStatus.Accepted, (await RowAsync(flaky)).Status);
        Assert.Single(Events.Accepted, e => e.HostMessageId == flaky);
    }

    [Fact]
    public async Task The_outbox_list_is_for_admins_and_checks_its_filter()
    {
        var bad = await Admin().GetAsync("/api/v1/outbox?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (string?)(await bad.ReadJsonAsync())["code"]);

        var anonymous = await Node.CreateClient().GetAsync("/api/v1/outbox");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var missing = await Admin().PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class OutboxFailureTestsOnSqlite() : OutboxFailureTests(DatabaseKind.Sqlite);

public sealed class OutboxFailureTestsOnPostgres() : OutboxFailureTests(DatabaseKind.Postgres);
