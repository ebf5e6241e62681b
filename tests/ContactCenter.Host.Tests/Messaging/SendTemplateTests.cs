using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Outbound;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Messaging;

/// <summary>
/// The 24-hour window with templates (seed 004): outside it only an approved template goes out, every variable filled; the
/// composer stays locked until the contact replies; a second unanswered template within the cooldown needs a confirmation;
/// an accepted template is counted as billable.
/// </summary>
public abstract class SendTemplateTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task After_24_hours_only_a_filled_approved_template_goes_out_and_free_text_waits_for_the_contacts_reply()
    {
        var account = await CreateAccountAsync();
        var template = await ApprovedTemplateAsync(account);
        var conversation = await ConversationAsync(account, "wamid.in-t1");
        Host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var admin = Host.CreateAdminClient();

        var (closed, closedProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Ainda tem interesse?" });
        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (closed.StatusCode, (string?)closedProblem["code"]));

        var (missing, missingProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates",
            new { templateId = template, variables = new Dictionary<string, string> { ["body:1"] = "Ana" } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_variables_missing"), (missing.StatusCode, (string?)missingProblem["code"]));
        Assert.True(missingProblem["errors"]!.AsObject().ContainsKey("variables.body:2"));

        var (sent, message) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates",
            new { templateId = template, variables = new Dictionary<string, string> { ["body:1"] = "Ana", ["body:2"] = "Imobiliária Demo" } });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal("Olá Ana, aqui é da Imobiliária Demo. Podemos continuar seu atendimento?", (string?)message["text"]);
        await SendAllAsync();
        var body = JsonNode.Parse(Assert.Single(Graph.SentBodies))!;
        Assert.Equal("template", (string?)body["type"]);
        Assert.Equal("retomada_atendimento", (string?)body["template"]!["name"]);

        // The template does not reopen the window: free text waits for the contact (seed 004).
        var (stillClosed, stillProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Oi?" });
        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (stillClosed.StatusCode, (string?)stillProblem["code"]));

        await PostWebhookAsync(account, Text("wamid.in-t1-reply", "Oi, tenho sim"));
        await ProcessAsync();
        var (open, _) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Que bom! Vamos marcar a visita?" });
        Assert.Equal(HttpStatusCode.Accepted, open.StatusCode);
    }

    [Fact]
    public async Task A_second_unanswered_template_within_the_cooldown_needs_a_confirmation_because_each_one_is_billed()
    {
        var account = await CreateAccountAsync();
        var template = await ApprovedTemplateAsync(account);
        var conversation = await ConversationAsync(account, "wamid.in-t2");
        Host.Clock.Advance(TimeSpan.FromHours(30));
        var admin = Host.CreateAdminClient();
        var filled = new Dictionary<string, string> { ["body:1"] = "Ana", ["body:2"] = "Imobiliária Demo" };
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = template, variables = filled })).Response.StatusCode);
        Host.Clock.Advance(TimeSpan.FromHours(2));

        var (again, problem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = template, variables = filled });
        var (confirmed, _) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = template, variables = filled, confirmCooldown = true });
        Host.Clock.Advance(TimeSpan.FromHours(7));
        var (later, _) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = template, variables = filled });

        Assert.Equal((HttpStatusCode.Conflict, "cooldown_confirmation_required"), (again.StatusCode, (string?)problem["code"]));
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        await SendAllAsync();
        Assert.Equal(3, Graph.SentBodies.Count);
        var usage = await admin.GetJsonAsync($"/api/v1/reports/template-usage?channelAccountId={account}");
        Assert.Equal(3, usage.AsArray().Sum(r => (int)r!["count"]!));
    }

    [Fact]
    public async Task A_template_that_is_not_approved_or_unknown_is_refused_and_nothing_is_queued()
    {
        var account = await CreateAccountAsync();
        var (_, draft) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/templates", TemplateBody(account));
        var conversation = await ConversationAsync(account, "wamid.in-t3");
        var admin = Host.CreateAdminClient();
        var filled = new Dictionary<string, string> { ["body:1"] = "Ana", ["body:2"] = "Imobiliária Demo" };

        var (pending, pendingProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = (string)draft["id"]!, variables = filled });
        var (unknown, unknownProblem) = await admin.PostJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId = Guid.NewGuid(), variables = filled });

        Assert.Equal((HttpStatusCode.Conflict, "template_not_approved"), (pending.StatusCode, (string?)pendingProblem["code"]));
        Assert.Contains("draft", (string?)pendingProblem["detail"], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, "template_not_approved"), (unknown.StatusCode, (string?)unknownProblem["code"]));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/conversations/{conversation}/templates")).AsArray());
        await SendAllAsync();
        Assert.Empty(Graph.SentBodies);
    }
}

public sealed class SendTemplateTestsOnSqlite() : SendTemplateTests(DatabaseKind.Sqlite);

public sealed class SendTemplateTestsOnPostgres() : SendTemplateTests(DatabaseKind.Postgres);
