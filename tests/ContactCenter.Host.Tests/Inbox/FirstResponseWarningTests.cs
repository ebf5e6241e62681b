using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Ui;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;

namespace ContactCenter.Host.Tests.Inbox;

/// <summary>
/// The warning before the first-response timeout takes a conversation away (issue 9 B): from 80 % of the time the thread
/// shows a countdown, to the agent as "answer within", to a supervisor as what is about to happen.
/// </summary>
public abstract class FirstResponseWarningTests(DatabaseKind kind) : RoutingTest(kind)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task From_80_percent_of_the_first_response_time_the_thread_counts_down_in_the_users_language()
    {
        var number = await CreateNumberAsync("Vendas");
        var team = await CreateTeamAsync("Comercial", "auto", number);
        var ana = await CreateAgentAsync("ana", team);
        await Host.CreateUserAsync("paula", "supervisor", displayName: "Paula");
        var id = await ArriveAsync(number);
        var conversation = (await ConversationAsync(id)).Deserialize<ConversationSummary>(Json)!;
        var clock = conversation.FirstResponse!;

        Task<string> RenderAsync(string user, DateTime now) => Host.RenderAsync<ConversationThread>(user, "pt-BR", new Dictionary<string, object?>
        {
            ["Conversation"] = conversation,
            ["Now"] = now,
            ["UserId"] = user == "ana" ? ana : null,
            ["IsSupervisor"] = user == "paula",
        });

        Assert.DoesNotContain("thread-first-response-warning", await RenderAsync("ana", clock.WarnAt.AddSeconds(-1)));
        Assert.Contains("Responda em 0:59, ou a conversa passa para outro atendente.", await RenderAsync("ana", clock.DueAt.AddSeconds(-59)));
        Assert.Contains("O atendente tem 1:00 para responder antes que a conversa seja redistribuída.", await RenderAsync("paula", clock.WarnAt));
    }
}

public sealed class FirstResponseWarningTestsOnSqlite() : FirstResponseWarningTests(DatabaseKind.Sqlite);

public sealed class FirstResponseWarningTestsOnPostgres() : FirstResponseWarningTests(DatabaseKind.Postgres);
