using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Ui;

/// <summary>
/// The side menu each role sees, as the server renders it: the host composes it from the modules' nav items, and
/// every role must get the same entries, in the same order, with the same pt-BR and English labels as before.
/// </summary>
public abstract partial class MenuTests(DatabaseKind kind) : HostTest(kind)
{
    private static readonly (string Key, string PtBr, string En)[] Work =
    [
        ("inbox", "Caixa de entrada", "Inbox"),
        ("contacts", "Contatos", "Contacts"),
        ("tasks", "Minhas tarefas", "My tasks"),
        ("history", "Histórico", "History"),
        ("tickets", "Chamados", "Tickets"),
    ];

    private static readonly (string Key, string PtBr, string En)[] Supervision =
    [
        ("livequeue", "Fila ao vivo", "Live queue"),
        ("templateusage", "Uso de modelos", "Template usage"),
        ("operations", "Operação", "Operations"),
    ];

    private static readonly (string Key, string PtBr, string En)[] Administration =
    [
        ("users", "Usuários", "Users"),
        ("teams", "Equipes", "Teams"),
        ("products", "Produtos", "Products"),
        ("agents", "Atendentes", "Agents"),
        ("routingsettings", "Distribuição", "Routing settings"),
        ("contactreasons", "Motivos de contato", "Contact reasons"),
        ("templates", "Modelos", "Templates"),
        ("chatbot", "Chatbot", "Chatbot"),
        ("apikeys", "Chaves de API", "API keys"),
        ("channels", "Canais", "Channels"),
        ("plugins", "Plugins", "Plugins"),
        ("inboxfailures", "Falhas de webhook", "Webhook failures"),
        ("outbox", "Fila de envio", "Outbox"),
        ("jobs", "Tarefas agendadas", "Scheduled jobs"),
        ("audit", "Auditoria", "Audit log"),
    ];

    protected override bool SeedDemoData => true;

    public static TheoryData<string, string> Roles => new()
    {
        { "ana", "agent" },
        { "supervisor", "supervisor" },
        { "admin", "admin" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_its_menu_in_order_in_both_languages(string userName, string role)
    {
        var browser = await LoggedInAsync(userName);
        (string Key, string PtBr, string En)[] expected = role switch
        {
            "agent" => Work,
            "supervisor" => [.. Work, .. Supervision],
            _ => [.. Work, .. Supervision, .. Administration],
        };

        var portuguese = Menu(await browser.GetStringAsync("/"));
        await browser.GetAsync("/culture/set?culture=en&redirectUri=%2F");
        var english = Menu(await browser.GetStringAsync("/"));

        Assert.Equal(expected.Select(e => (e.Key, e.PtBr)), portuguese);
        Assert.Equal(expected.Select(e => (e.Key, e.En)), english);
    }

    [Fact]
    public async Task The_administration_section_is_shown_to_admins_only()
    {
        var admin = await (await LoggedInAsync("admin")).GetStringAsync("/");
        var supervisor = await (await LoggedInAsync("supervisor")).GetStringAsync("/");

        Assert.Contains("data-testid=\"nav-admin\"", admin);
        Assert.DoesNotContain("data-testid=\"nav-admin\"", supervisor);
    }

    private async Task<HttpClient> LoggedInAsync(string userName)
    {
        var browser = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName, password = "demo1234" }));
        login.EnsureSuccessStatusCode();
        return browser;
    }

    private static List<(string Key, string Label)> Menu(string html) =>
        [.. NavLink().Matches(html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];

    [GeneratedRegex("data-testid=\"nav-(?!admin\")([a-z]+)\"[^>]*>.*?<span>([^<]*)</span>", RegexOptions.Singleline)]
    private static partial Regex NavLink();
}

public sealed class MenuTestsOnSqlite() : MenuTests(DatabaseKind.Sqlite);

public sealed class MenuTestsOnPostgres() : MenuTests(DatabaseKind.Postgres);
