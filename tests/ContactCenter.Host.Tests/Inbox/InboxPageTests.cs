using System.Net;
using ContactCenter.Conversations.Ui;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>The inbox page rendered over the real handlers, and the list and finish calls it makes (same as the API).</summary>
public abstract class InboxPageTests(DatabaseKind kind) : InboxTest(kind)
{
    [Fact]
    public async Task The_agents_inbox_lists_what_routing_gave_them_with_window_and_waiting_marker_in_portuguese()
    {
        var account = await CreateAccountAsync();
        var ana = await UserIdAsync("ana");
        var mine = await OpenConversationAsync(account, "5511988887777");
        var notMine = await OpenConversationAsync(account, "5511977776666");
        await RouteAsync(mine, await TeamIdAsync("Comercial"), ana, RoutingRule.LongestIdle);
        await RouteAsync(notMine, await TeamIdAsync("Comercial"), await UserIdAsync("bruno"), RoutingRule.LongestIdle);

        var html = await Host.RenderAsync<InboxPage>("ana", "pt-BR");

        Assert.Contains("Caixa de entrada", html, StringComparison.Ordinal);
        Assert.Contains($"data-conversation-id=\"{mine}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(notMine.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("Janela aberta · faltam 24 h 0 min", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"inbox-unread\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("inbox-pool-count", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_window_chip_says_how_long_is_left_and_dates_a_close_that_is_not_today()
    {
        var account = await CreateAccountAsync();
        var ana = await UserIdAsync("ana");
        var conversation = await OpenConversationAsync(account, "5511988887777");
        await RouteAsync(conversation, await TeamIdAsync("Comercial"), ana, RoutingRule.LongestIdle);
        var closes = Host.Clock.GetUtcNow().UtcDateTime.AddHours(24).ToLocalTime();
        var pt = System.Globalization.CultureInfo.GetCultureInfo("pt-BR");

        var fresh = await Host.RenderAsync<InboxPage>("ana", "pt-BR");
        Host.Clock.Advance(TimeSpan.FromHours(23).Add(TimeSpan.FromMinutes(18)));
        var late = await Host.RenderAsync<InboxPage>("ana", "pt-BR");
        Host.Clock.Advance(TimeSpan.FromHours(1));
        var closed = await Host.RenderAsync<InboxPage>("ana", "pt-BR");

        // Opened now, it closes tomorrow: the chip carries the date (before, "Aberta até 12:03" hid that it was tomorrow).
        var chip = System.Text.RegularExpressions.Regex.Match(fresh, "data-testid=\"inbox-window\">([^<]*)<").Groups[1].Value;
        Assert.Equal($"Janela aberta · faltam 24 h 0 min (até {closes.ToString("g", pt)})", chip);
        Assert.Contains("Janela aberta · faltam 42 min (até ", late, StringComparison.Ordinal);
        Assert.Contains("Janela fechada", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("Janela aberta", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pool_agent_sees_the_pool_count_and_an_agent_with_nothing_sees_how_new_ones_arrive_in_english()
    {
        var account = await CreateAccountAsync();
        var waiting = await OpenConversationAsync(account, "5511988887777");
        await RouteAsync(waiting, await TeamIdAsync("Suporte"), null, RoutingRule.Pool);

        var carla = await Host.RenderAsync<InboxPage>("carla", "en");
        var ana = await Host.RenderAsync<InboxPage>("ana", "en");

        Assert.Contains("data-testid=\"inbox-pool-count\">1<", carla, StringComparison.Ordinal);
        Assert.Contains("No conversations assigned to you. New ones appear here at once.", carla, StringComparison.Ordinal);
        Assert.DoesNotContain("inbox-pool-count", ana, StringComparison.Ordinal);
        Assert.Contains(">Pool", ana, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pool_and_open_filters_list_what_an_agent_can_claim_and_what_is_not_finished()
    {
        var account = await CreateAccountAsync();
        var pooled = await OpenConversationAsync(account, "5511988887777");
        var assigned = await OpenConversationAsync(account, "5511977776666");
        await RouteAsync(pooled, await TeamIdAsync("Suporte"), null, RoutingRule.Pool);
        var carla = await UserIdAsync("carla");
        await RouteAsync(assigned, await TeamIdAsync("Suporte"), carla, RoutingRule.Claimed);
        var client = await Host.LoginAsync("carla", "demo1234");

        var pool = (await client.GetJsonAsync("/api/v1/conversations?pool=true"))["items"]!.AsArray();
        Assert.Equal([pooled.ToString()], pool.Select(c => (string)c!["id"]!));

        // The demo lists contact reasons, so a bare POST (no body at all) is refused and nothing is finished; naming one finishes.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"/api/v1/conversations/{assigned}/finish", null)).StatusCode);
        Assert.Single((await client.GetJsonAsync($"/api/v1/conversations?open=true&agentId={carla}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/conversations/{assigned}/finish", new { reason = "Dúvida respondida" })).Response.StatusCode);
        var open = (await client.GetJsonAsync($"/api/v1/conversations?open=true&agentId={carla}"))["items"]!.AsArray();
        Assert.Empty(open);
    }

    [Fact]
    public async Task Only_the_conversations_agent_or_a_supervisor_finishes_it_and_only_once()
    {
        var account = await CreateAccountAsync();
        var conversation = await OpenConversationAsync(account, "5511988887777");
        await RouteAsync(conversation, await TeamIdAsync("Suporte"), null, RoutingRule.Pool);
        var carla = await Host.LoginAsync("carla", "demo1234");

        // In carla's pool she sees it, but it is nobody's yet.
        var refused = await carla.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reason = "resolvido" });
        Assert.Equal((HttpStatusCode.Forbidden, "not_your_conversation"), (refused.Response.StatusCode, (string?)refused.Body["code"]));
        var outsider = await Host.LoginAsync("ana", "demo1234");
        var hidden = await outsider.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { });
        Assert.Equal((HttpStatusCode.NotFound, "The conversation was not found."), (hidden.Response.StatusCode, (string?)hidden.Body["detail"]));

        var supervisor = await Host.LoginAsync("supervisor", "demo1234");
        var finished = await supervisor.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reason = "Dúvida respondida", note = "Cliente satisfeito" });
        Assert.Equal((HttpStatusCode.OK, "finished"), (finished.Response.StatusCode, (string?)finished.Body["status"]));

        var again = await supervisor.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reason = "Dúvida respondida" });
        Assert.Equal((HttpStatusCode.Conflict, "already_finished"), (again.Response.StatusCode, (string?)again.Body["code"]));
        var tooLong = await supervisor.PostJsonAsync($"/api/v1/conversations/{conversation}/finish", new { reason = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Response.StatusCode);
    }
}

public sealed class InboxPageTestsOnSqlite() : InboxPageTests(DatabaseKind.Sqlite);

public sealed class InboxPageTestsOnPostgres() : InboxPageTests(DatabaseKind.Postgres);
