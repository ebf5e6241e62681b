using System.Net;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>
/// Pending / resolved marks (issue 9 B): the conversation's agent (or a supervisor) marks it, the list filters by the
/// mark, and "resolved" lasts until the contact writes again.
/// </summary>
public abstract class ConversationMarkTests(DatabaseKind kind) : RoutingTest(kind)
{
    [Fact]
    public async Task An_agent_marks_a_conversation_resolved_until_the_contact_writes_again_and_the_list_filters_by_mark()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        await CreateAgentAsync("ana", team, max: 1);
        await CreateAgentAsync("bruno", team, max: 1);
        var first = await ArriveAsync(number);
        var second = await ArriveAsync(number);
        var firstAgent = AgentOf(await ConversationAsync(first));
        Assert.NotEqual(firstAgent, AgentOf(await ConversationAsync(second))); // one each: capacity 1
        var firstAgentName = (string)(await Host.CreateAdminClient().GetJsonAsync($"/api/v1/users/{firstAgent}"))["userName"]!;
        var agent = await Host.LoginAsync(firstAgentName, Arrange.Password);
        var colleague = await Host.LoginAsync(firstAgentName == "ana" ? "bruno" : "ana", Arrange.Password);

        var (resolved, summary) = await agent.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = "resolved" });
        var (byColleague, _) = await colleague.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = "pending" });
        var (unknown, _) = await agent.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = "done" });
        var badFilter = await agent.GetAsync("/api/v1/conversations?mark=done");

        Assert.Equal((HttpStatusCode.OK, "resolved"), (resolved.StatusCode, (string?)summary["mark"]));
        Assert.Equal(HttpStatusCode.NotFound, byColleague.StatusCode); // another agent's conversation is not theirs to see
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal([first.ToString()], await IdsAsync("mark=resolved"));
        Assert.Equal([second.ToString()], await IdsAsync("mark=none"));

        // The contact writes again: there is something to answer, the mark goes.
        var phone = (string)(await ConversationAsync(first))["contact"]!["phone"]!;
        using (var scope = Host.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>()
                .SendTextAsync(number, new SandboxPhone.Person(phone, "Contato"), "Mais uma dúvida", default);
            Assert.True(sent.IsSuccess, sent.Error?.Message);
        }

        await Host.Services.GetRequiredService<InboxProcessor>().DrainAsync();
        Assert.Null((await ConversationAsync(first))["mark"]);

        var (pending, pendingBody) = await agent.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = "pending" });
        Assert.Equal((HttpStatusCode.OK, "pending"), (pending.StatusCode, (string?)pendingBody["mark"]));
        var (cleared, clearedBody) = await agent.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(clearedBody["mark"]);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostJsonAsync($"/api/v1/conversations/{first}/finish", new { reason = "Resolvido" })).Response.StatusCode);
        var (finished, finishedProblem) = await agent.PutJsonAsync($"/api/v1/conversations/{first}/mark", new { mark = "resolved" });
        Assert.Equal((HttpStatusCode.Conflict, "already_finished"), (finished.StatusCode, (string?)finishedProblem["code"]));
    }

    private async Task<List<string>> IdsAsync(string query) =>
        [.. (await Host.CreateAdminClient().GetJsonAsync("/api/v1/conversations?open=true&" + query))["items"]!.AsArray().Select(c => (string)c!["id"]!)];
}

public sealed class ConversationMarkTestsOnSqlite() : ConversationMarkTests(DatabaseKind.Sqlite);

public sealed class ConversationMarkTestsOnPostgres() : ConversationMarkTests(DatabaseKind.Postgres);
