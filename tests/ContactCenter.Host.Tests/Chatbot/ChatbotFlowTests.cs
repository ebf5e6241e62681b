using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Chatbot.Evaluation;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Chatbot;

/// <summary>
/// The seed 003 flow end to end on the sandbox channel: the bot greets, understands keywords whatever their case and
/// accents (whole words only), moves the conversation between teams, hands it to an agent, and stops when people take over.
/// </summary>
public abstract class ChatbotFlowTests(DatabaseKind kind) : ChatbotTest(kind)
{
    [Fact]
    public async Task The_contact_walks_the_menu_to_an_agent_and_the_bot_stops_when_the_agent_answers()
    {
        var flow = await ArrangeFlowAsync();
        var ana = await CreateAgentAsync("ana", flow.Comercial);

        var conversation = await ArriveAsync(flow.Number, text: "Oi, boa tarde");
        var phone = await PhoneOfAsync(conversation);

        // Held for the bot: nobody gets it while the bot talks.
        Assert.Null(AgentOf(await ConversationAsync(conversation)));
        Assert.Equal("bot", (string?)(await LastDecisionAsync(conversation))["rule"]);
        Assert.Equal([("contact", "Oi, boa tarde"), ("bot", Greeting)], await ThreadAsync(conversation));

        await WriteAsync(flow.Number, phone, "comercialmente falando, quanto custa?");
        Assert.Equal(3, (await ThreadAsync(conversation)).Count); // not a whole word: nothing fired
        Assert.Contains("none of the words: Comercial", LogTexts(await BotLogAsync(conversation))[^1], StringComparison.Ordinal);

        await WriteAsync(flow.Number, phone, "Quero falar com o COMÉRCIAL!");
        Assert.Equal(("bot", ComercialMenu), (await ThreadAsync(conversation))[^1]);
        Assert.Null(AgentOf(await ConversationAsync(conversation)));

        await WriteAsync(flow.Number, phone, "Atendimento, por favor");
        Assert.Equal(("bot", Goodbye), (await ThreadAsync(conversation))[^1]);
        Assert.Equal(ana, AgentOf(await ConversationAsync(conversation)));
        var handOff = await LastDecisionAsync(conversation);
        Assert.Equal(flow.Comercial.ToString(), (string?)handOff["teamId"]);
        Assert.StartsWith("The chatbot handed it to team Comercial", (string)handOff["explanation"]!, StringComparison.Ordinal);

        var log = await BotLogAsync(conversation);
        Assert.Equal("handedOff", (string?)log["state"]);
        var texts = LogTexts(log);
        Assert.Contains(texts, t => t.Contains("Trigger \"Menu Comercial\" fired: the conversation is with the team Recepção; the last interaction was", StringComparison.Ordinal)
            && t.Contains("the message has the word \"Comercial\"", StringComparison.Ordinal));
        Assert.Contains("The bot moved the conversation to the team Comercial.", texts);
        Assert.Contains("Entering the team Comercial: its entry trigger \"Entrada Comercial\" runs.", texts);
        Assert.Equal("The flow ended: the conversation was handed to the team Comercial for an agent.", texts[^1]);
        Assert.Contains("O fluxo terminou: a conversa foi passada à equipe Comercial para um atendente.", LogTexts(await BotLogAsync(conversation, "pt-BR")));

        // The contact's timeline says the bot handed them over.
        var contactId = (string)(await ConversationAsync(conversation))["contact"]!["id"]!;
        var timeline = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/contacts/{contactId}/timeline");
        var entries = (timeline as JsonArray ?? timeline["items"]!.AsArray()).Select(e => (string)e!["kind"]!).ToList();
        Assert.Contains("bot_handed_off", entries);

        // Ana answers: the bot is done with this conversation, whatever the contact writes next.
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var (sent, _) = await (await Host.LoginAsync("ana", Arrange.Password)).PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá, sou a Ana!" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await WriteAsync(flow.Number, phone, "Comercial");
        var thread = await ThreadAsync(conversation);
        Assert.Equal([("agent", "Olá, sou a Ana!"), ("contact", "Comercial")], thread[^2..]);
        Assert.Equal("stopped", (string?)(await BotLogAsync(conversation))["state"]);
    }

    [Fact]
    public async Task Moving_the_clock_past_an_hour_lets_the_greeting_answer_an_unanswered_message_through_the_sweep()
    {
        var flow = await ArrangeFlowAsync();
        var conversation = await ArriveAsync(flow.Number, text: "Oi");
        var phone = await PhoneOfAsync(conversation);
        await WriteAsync(flow.Number, phone, "Vocês abrem sábado?");
        Assert.Equal(3, (await ThreadAsync(conversation)).Count);

        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await SweepAsync()); // not due yet: the greeting needs more than 1 hour

        Host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await SweepAsync());

        Assert.Equal([("contact", "Oi"), ("bot", Greeting), ("contact", "Vocês abrem sábado?"), ("bot", Greeting)], await ThreadAsync(conversation));
        var sweep = LogTexts(await BotLogAsync(conversation)).Single(t => t.StartsWith("Time check", StringComparison.Ordinal));
        Assert.Contains("Trigger \"Saudação\" fired", sweep, StringComparison.Ordinal);
        Assert.Contains("the last interaction was 1 h 02 min ago, more than 1 h", sweep, StringComparison.Ordinal);
        Assert.Equal(0, await SweepAsync()); // answered: nothing is due any more
    }

    [Fact]
    public async Task After_a_day_without_interaction_the_menu_keywords_no_longer_move_the_conversation_and_the_greeting_starts_over()
    {
        var flow = await ArrangeFlowAsync();
        var conversation = await ArriveAsync(flow.Number, text: "Oi");
        var phone = await PhoneOfAsync(conversation);

        Host.Clock.Advance(TimeSpan.FromHours(23.5));
        await WriteAsync(flow.Number, phone, "suporte");

        // "Menu Suporte" wants less than 23 h; the greeting (more than 1 h) answers again instead.
        Assert.Equal(("bot", Greeting), (await ThreadAsync(conversation))[^1]);
        var evaluation = LogTexts(await BotLogAsync(conversation))[^2];
        Assert.Contains("Trigger \"Saudação\" fired", evaluation, StringComparison.Ordinal);

        await WriteAsync(flow.Number, phone, "Ajuda Técnica");
        Assert.Equal(("bot", SuporteMenu), (await ThreadAsync(conversation))[^1]);
    }

    [Fact]
    public async Task A_supervisor_who_transfers_the_conversation_stops_the_bot()
    {
        var flow = await ArrangeFlowAsync();
        var bruno = await CreateAgentAsync("bruno", flow.Suporte);
        var conversation = await ArriveAsync(flow.Number, text: "Oi");
        var phone = await PhoneOfAsync(conversation);

        var (moved, body) = await Host.CreateAdminClient().PostJsonAsync($"/api/v1/conversations/{conversation}/transfer", new { agentId = bruno, reason = "Cliente VIP" });
        await WriteAsync(flow.Number, phone, "Comercial");

        Assert.Equal(bruno, AgentOf(await ConversationAsync(conversation)));
        Assert.Equal(("contact", "Comercial"), (await ThreadAsync(conversation))[^1]);
        Assert.True(moved.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("stopped", (string?)(await BotLogAsync(conversation))["state"]);
    }

    private async Task<int> SweepAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BotSweep>().RunAsync();
    }
}

public sealed class ChatbotFlowTestsOnSqlite() : ChatbotFlowTests(DatabaseKind.Sqlite);

public sealed class ChatbotFlowTestsOnPostgres() : ChatbotFlowTests(DatabaseKind.Postgres);
