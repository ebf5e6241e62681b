using ContactCenter.Chatbot.Ui;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Chatbot;

/// <summary>
/// The demo ships the seed 003 example flow: the admin page draws it (teams as boxes, keyword arrows) and "testar" walks it.
/// </summary>
public sealed class ChatbotDemoTests() : ChatbotTest(DatabaseKind.Sqlite)
{
    protected override bool SeedDemoData => true;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["ContactCenter:DemoChatbot"] = "true" };

    [Fact]
    public async Task The_demo_flow_is_drawn_on_the_admin_page_and_testar_follows_it_to_the_support_menu()
    {
        var admin = AdminIn("en");
        var triggers = (await admin.GetJsonAsync("/api/v1/chatbot/triggers")).AsArray();
        var (_, suporte) = await admin.PostJsonAsync("/api/v1/chatbot/simulate", new { idleHours = 0.05, message = "Preciso de SUPORTE" });

        Assert.Equal(7, triggers.Count);
        Assert.Equal("Menu: Suporte", (string?)suporte["fired"]!["description"]);
        Assert.Equal("Then the conversation moves to the team Suporte, whose entry trigger \"Entrada Suporte\" runs.", (string?)suporte["then"]![0]);

        var page = await Host.RenderAsync<ChatbotPage>("admin", "pt-BR");
        Assert.Contains("data-testid=\"chatbot-flow\"", page, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page, "data-testid=\"chatbot-flow-team\""));
        Assert.Contains(">comercial, vendas</text>", page, StringComparison.Ordinal); // the loop back to Comercial's menu
        Assert.Contains(">suporte</text>", page, StringComparison.Ordinal);
        Assert.Contains("“atendimento” → atendente", page, StringComparison.Ordinal);
        Assert.Contains("Gatilho de entrada da equipe", page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
