using System.Text.Json.Nodes;
using ContactCenter.Channels.Inbox;
using ContactCenter.Channels.Sandbox;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Chatbot;

/// <summary>
/// Base of the chatbot scenarios: the seed 003 example flow set up through the API on a sandbox number — a greeting menu
/// in Recepção (the first-contact team) → "Comercial" / "Suporte" → that team → its entry menu → "Atendimento" → a bot
/// message and the hand-off to an agent.
/// </summary>
public abstract class ChatbotTest(DatabaseKind kind) : RoutingTest(kind)
{
    protected const string Greeting = "Olá! Digite Comercial ou Suporte.";
    protected const string ComercialMenu = "Você está no Comercial. Digite Atendimento para falar com um consultor.";
    protected const string SuporteMenu = "Você está no Suporte. Digite Atendimento para falar com um analista.";
    protected const string Goodbye = "Um consultor já vai falar com você.";

    protected sealed record Flow(Guid Number, Guid Recepcao, Guid Comercial, Guid Suporte, Guid GreetingTrigger);

    protected async Task<Flow> ArrangeFlowAsync()
    {
        var number = await CreateNumberAsync("Atendimento");
        var recepcao = await CreateTeamAsync("Recepção", "pool", number);
        var comercial = await CreateTeamAsync("Comercial", "auto", number);
        var suporte = await CreateTeamAsync("Suporte", "pool", number);
        var admin = Host.CreateAdminClient();
        var (saved, body) = await admin.PutJsonAsync("/api/v1/chatbot/settings", new { firstContactTeamId = recepcao });
        Assert.True(saved.IsSuccessStatusCode, body.ToJsonString());

        var greeting = await TriggerAsync(new { description = "Saudação", teamId = recepcao, idleComparison = "greaterThan", idleHours = 1, action = "sendMessage", message = Greeting });
        await TriggerAsync(new { description = "Menu Comercial", teamId = recepcao, idleComparison = "lessThan", idleHours = 23, keywords = "Comercial", action = "moveToTeam", targetTeamId = comercial });
        await TriggerAsync(new { description = "Menu Suporte", teamId = recepcao, idleComparison = "lessThan", idleHours = 23, keywords = "suporte, ajuda técnica", action = "moveToTeam", targetTeamId = suporte });
        await TriggerAsync(new { description = "Entrada Comercial", teamId = comercial, isTeamEntry = true, action = "sendMessage", message = ComercialMenu });
        await TriggerAsync(new { description = "Entrada Suporte", teamId = suporte, isTeamEntry = true, action = "sendMessage", message = SuporteMenu });
        await TriggerAsync(new { description = "Atendimento Comercial", teamId = comercial, keywords = "atendimento", action = "sendMessage", message = Goodbye, handsOff = true });
        return new Flow(number, recepcao, comercial, suporte, greeting);
    }

    protected async Task<Guid> TriggerAsync(object trigger)
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/chatbot/triggers", trigger);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse((string)body["id"]!);
    }

    /// <summary>The contact writes a minute later (so the thread's order is the order things happened).</summary>
    protected async Task WriteAsync(Guid number, string phone, string text)
    {
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var scope = Host.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SandboxPhone>().SendTextAsync(number, new SandboxPhone.Person(phone, null), text, default);
            Assert.True(sent.IsSuccess, sent.Error?.Message);
        }

        await Host.Services.GetRequiredService<InboxProcessor>().DrainAsync();
    }

    protected async Task<string> PhoneOfAsync(Guid conversation) => (string)(await ConversationAsync(conversation))["contact"]!["phone"]!;

    /// <summary>The thread as (who, text): "contact", "bot" or "agent".</summary>
    protected async Task<List<(string Who, string Text)>> ThreadAsync(Guid conversation) =>
        [.. (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversation}/messages?limit=100"))["items"]!.AsArray()
            .Select(m => (
                (string)m!["direction"]! == "inbound" ? "contact" : (bool)m["sentByBot"]! ? "bot" : "agent",
                (string?)m["text"] ?? string.Empty))];

    protected Task<JsonNode> BotLogAsync(Guid conversation, string language = "en") =>
        AdminIn(language).GetJsonAsync($"/api/v1/conversations/{conversation}/bot-log");

    /// <summary>An admin client whose words come in <paramref name="language"/> (the UI's culture cookie; pt-BR without it).</summary>
    protected HttpClient AdminIn(string language)
    {
        var client = Host.CreateAdminClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={language}|uic={language}"));
        return client;
    }

    protected static string[] LogTexts(JsonNode log) => [.. log["lines"]!.AsArray().Select(l => (string)l!["text"]!)];
}
