using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Chatbot;

/// <summary>The trigger rules admins meet (seed 003's first-trigger rule, admin-only writes) and "testar" (simulate).</summary>
public abstract class ChatbotRulesTests(DatabaseKind kind) : ChatbotTest(kind)
{
    [Fact]
    public async Task The_first_trigger_must_require_more_than_an_hour_without_interaction()
    {
        var number = await CreateNumberAsync("Atendimento");
        var recepcao = await CreateTeamAsync("Recepção", "pool", number);
        var admin = Host.CreateAdminClient();
        await admin.PutJsonAsync("/api/v1/chatbot/settings", new { firstContactTeamId = recepcao });

        var (menuFirst, refusal) = await admin.PostJsonAsync("/api/v1/chatbot/triggers", new { description = "Menu", teamId = recepcao, idleComparison = "lessThan", idleHours = 23, keywords = "comercial", message = "x" });
        var (halfHour, _) = await admin.PostJsonAsync("/api/v1/chatbot/triggers", new { description = "Saudação", teamId = recepcao, idleComparison = "greaterThan", idleHours = 0.5, message = "Olá" });
        var (hour, greeting) = await admin.PostJsonAsync("/api/v1/chatbot/triggers", new { description = "Saudação", teamId = recepcao, idleComparison = "greaterThan", idleHours = 1, message = "Olá" });
        var (unbounded, _) = await admin.PutJsonAsync($"/api/v1/chatbot/triggers/{greeting["id"]}", new { description = "Saudação", teamId = recepcao, message = "Olá" });
        var (menuLater, _) = await admin.PostJsonAsync("/api/v1/chatbot/triggers", new { description = "Menu", teamId = recepcao, idleComparison = "lessThan", idleHours = 23, keywords = "comercial", message = "x" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "first_trigger_needs_inactivity"), (menuFirst.StatusCode, (string?)refusal["code"]));
        Assert.Contains("more than 1 hour", (string)refusal["detail"]!, StringComparison.Ordinal);
        Assert.NotNull(refusal["errors"]!["idleHours"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, halfHour.StatusCode);
        Assert.Equal(HttpStatusCode.Created, hour.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unbounded.StatusCode);
        Assert.Equal(HttpStatusCode.Created, menuLater.StatusCode);
        Assert.Equal(2, (await admin.GetJsonAsync("/api/v1/chatbot/triggers")).AsArray().Count);
    }

    [Fact]
    public async Task Only_admins_change_the_bot_and_bad_triggers_are_refused_field_by_field()
    {
        var flow = await ArrangeFlowAsync();
        await Host.CreateUserAsync("sofia", "supervisor", "Sofia");
        var sofia = await Host.LoginAsync("sofia", Arrange.Password);

        var (bySupervisor, _) = await sofia.PostJsonAsync("/api/v1/chatbot/triggers", new { description = "x", message = "y" });
        var (settingsBySupervisor, _) = await sofia.PutJsonAsync("/api/v1/chatbot/settings", new { firstContactTeamId = flow.Suporte });
        var readable = await sofia.GetAsync("/api/v1/chatbot/triggers");
        var (entryWithKeywords, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/chatbot/triggers", new
        {
            description = "Entrada", teamId = flow.Suporte, isTeamEntry = true, keywords = "oi", action = "moveToTeam",
        });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (bySupervisor.StatusCode, settingsBySupervisor.StatusCode, readable.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (entryWithKeywords.StatusCode, (string?)problem["code"]));
        Assert.NotNull(problem["errors"]!["keywords"]);
        Assert.NotNull(problem["errors"]!["targetTeamId"]);
    }

    [Fact]
    public async Task Testar_says_which_trigger_fires_and_why_without_sending_anything()
    {
        var flow = await ArrangeFlowAsync();
        var admin = AdminIn("en");

        var (ok, comercial) = await admin.PostJsonAsync("/api/v1/chatbot/simulate", new { teamId = flow.Recepcao, idleHours = 0.1, message = "Comércial!" });
        var (_, adverb) = await admin.PostJsonAsync("/api/v1/chatbot/simulate", new { teamId = flow.Recepcao, idleHours = 0.1, message = "comercialmente" });
        var (_, first) = await admin.PostJsonAsync("/api/v1/chatbot/simulate", new { message = "oi" });
        var (_, emPortugues) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/chatbot/simulate", new { teamId = flow.Recepcao, idleHours = 0.1, message = "comercialmente" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Menu Comercial", (string?)comercial["fired"]!["description"]);
        Assert.Equal(
            "Trigger \"Menu Comercial\" fired: the conversation is with the team Recepção; the last interaction was 6 min ago, less than 23 h; the message has the word \"Comercial\".",
            (string?)comercial["explanation"]);
        Assert.Equal(
            ["Then the conversation moves to the team Comercial, whose entry trigger \"Entrada Comercial\" runs.", "The bot sends: " + ComercialMenu],
            comercial["then"]!.AsArray().Select(t => (string)t!).ToArray());

        Assert.Null(adverb["fired"]);
        Assert.StartsWith("No trigger fired. \"Saudação\": the last interaction was only 6 min ago, not more than 1 h.", (string)adverb["explanation"]!, StringComparison.Ordinal);
        Assert.Contains("\"Menu Comercial\": the message has none of the words: Comercial.", (string)adverb["explanation"]!, StringComparison.Ordinal);
        Assert.StartsWith("Nenhum gatilho disparou. \"Saudação\": a última interação foi há apenas 6 min", (string)emPortugues["explanation"]!, StringComparison.Ordinal);

        Assert.Equal(("Saudação", flow.Recepcao.ToString()), ((string?)first["fired"]!["description"], (string?)first["teamId"]));
        Assert.Contains("nobody has written to the contact yet", (string)first["explanation"]!, StringComparison.Ordinal);

        // Nothing was sent or started: no conversation exists.
        Assert.Empty((await admin.GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray());
    }
}

public sealed class ChatbotRulesTestsOnSqlite() : ChatbotRulesTests(DatabaseKind.Sqlite);

public sealed class ChatbotRulesTestsOnPostgres() : ChatbotRulesTests(DatabaseKind.Postgres);
