using System.Net;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Templates.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Templates;

/// <summary>The templates API's refusals, the provider's review from the webhook, what other modules see, and the usage count.</summary>
public abstract class TemplatesApiTests(DatabaseKind kind) : InboundTest(kind)
{
    private static object Body(Guid account, string body = "Olá {{1}}, aqui é da {{2}}. Podemos continuar seu atendimento?", string name = "retomada_atendimento") => new
    {
        channelAccountId = account,
        name,
        language = "pt_BR",
        category = "utility",
        body,
        bodyExamples = new[] { "Maria", "Imobiliária Demo" },
        buttons = new[] { "Sim" },
        bindings = new Dictionary<string, string> { ["body:1"] = "contact.name" },
    };

    private async Task<Guid> CreateTemplateAsync(Guid account, string name = "retomada_atendimento")
    {
        var (response, template) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/templates", Body(account, name: name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("draft", (string?)template["status"]);
        return Guid.Parse((string)template["id"]!);
    }

    [Fact]
    public async Task A_template_breaking_metas_rules_is_refused_with_every_problem_in_portuguese()
    {
        var account = await CreateAccountAsync();

        var (response, problem) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/templates", Body(account, "{{1}}, aqui é da {{3}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("template_invalid", (string?)problem["code"]);
        var body = problem["errors"]!["body"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains(body, m => m.Contains("começar", StringComparison.Ordinal));
        Assert.Contains(body, m => m.Contains("sequência", StringComparison.Ordinal));
        Assert.Contains(body, m => m.Contains("terminar", StringComparison.Ordinal));
        Assert.Empty((await Host.CreateAdminClient().GetJsonAsync("/api/v1/templates")).AsArray());
    }

    [Fact]
    public async Task Unknown_channels_duplicate_names_and_bad_bindings_are_refused()
    {
        var account = await CreateAccountAsync();
        var admin = Host.CreateAdminClient();
        await CreateTemplateAsync(account);

        var (unknown, unknownProblem) = await admin.PostJsonAsync("/api/v1/templates", Body(Guid.NewGuid()));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (unknown.StatusCode, (string?)unknownProblem["code"]));
        var (taken, takenProblem) = await admin.PostJsonAsync("/api/v1/templates", Body(account));
        Assert.Equal((HttpStatusCode.Conflict, "template_name_taken"), (taken.StatusCode, (string?)takenProblem["code"]));
        var (binding, bindingProblem) = await admin.PostJsonAsync("/api/v1/templates", new
        {
            channelAccountId = account, name = "outro", language = "pt_BR", category = "utility",
            body = "Olá {{1}}, tudo bem com você hoje?", bodyExamples = new[] { "Maria" },
            bindings = new Dictionary<string, string> { ["body:2"] = "contact.name" },
        });
        Assert.Equal((HttpStatusCode.BadRequest, "template_invalid"), (binding.StatusCode, (string?)bindingProblem["code"]));
    }

    [Fact]
    public async Task The_webhooks_review_makes_a_template_approved_and_only_then_offered()
    {
        var account = await CreateAccountAsync();
        var id = await CreateTemplateAsync(account);
        await using var scope = Host.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<ITemplatesApi>();
        Assert.Empty(await templates.ListApprovedAsync(account, default));
        Assert.Null(await templates.FindApprovedAsync(id, default));

        await ReviewAsync(account, "APPROVED", "NONE", 1750000123);

        var approved = Assert.Single(await scope.ServiceProvider.GetRequiredService<ITemplatesApi>().ListApprovedAsync(account, default));
        Assert.Equal((id, "retomada_atendimento", "utility"), (approved.Id, approved.Name, approved.Category));
        Assert.Equal([new TemplateVariable("body", 1, "Maria", "contact.name"), new TemplateVariable("body", 2, "Imobiliária Demo", null)], approved.Variables);
        var (edit, editProblem) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/templates/{id}", Body(account));
        Assert.Equal((HttpStatusCode.Conflict, "template_not_editable"), (edit.StatusCode, (string?)editProblem["code"]));
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_and_an_older_event_does_not_undo_a_newer_one()
    {
        var account = await CreateAccountAsync();
        var id = await CreateTemplateAsync(account);

        await ReviewAsync(account, "REJECTED", "INCORRECT_CATEGORY", 1750000200);
        await ReviewAsync(account, "APPROVED", "NONE", 1750000100);

        var template = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/templates/{id}");
        Assert.Equal(("rejected", "INCORRECT_CATEGORY"), ((string?)template["status"], (string?)template["reason"]));
        await using var scope = Host.Services.CreateAsyncScope();
        var status = await scope.ServiceProvider.GetRequiredService<ITemplatesApi>().FindStatusAsync(id, default);
        Assert.Equal(("rejected", "INCORRECT_CATEGORY"), (status!.Status, status.Reason));
    }

    [Fact]
    public async Task Template_sends_are_counted_once_per_message_by_day_agent_team_and_channel()
    {
        var account = await CreateAccountAsync();
        var id = await CreateTemplateAsync(account);
        var (agent, team) = (Guid.NewGuid(), Guid.NewGuid());
        var day = new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc);
        var first = new TemplateMessageSent(Guid.NewGuid(), id, Guid.NewGuid(), account, agent, team, day);
        await PublishAsync(first);
        await PublishAsync(first); // a redelivered event is not billed twice
        await PublishAsync(first with { MessageId = Guid.NewGuid(), SentAt = day.AddHours(1) });
        await PublishAsync(first with { MessageId = Guid.NewGuid(), SentAt = day.AddDays(1) });

        var rows = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/reports/template-usage?from=2026-12-01&to=2026-12-02")).AsArray();
        Assert.Equal([("2026-12-01", 2), ("2026-12-02", 1)], rows.Select(r => ((string)r!["day"]!, (int)r["count"]!)).ToList());
        Assert.Equal(agent.ToString(), (string?)rows[0]!["agentId"]);
        var csv = await Host.CreateAdminClient().GetStringAsync("/api/v1/reports/template-usage?from=2026-12-01&to=2026-12-01&format=csv");
        // The team and the agent are ids no module knows here: their name cells stay empty.
        Assert.Equal($"day,channelAccountId,channelAccount,teamId,team,agentId,agent,count\n2026-12-01,{account},Vendas,{team},,{agent},,2\n", csv);
    }

    [Fact]
    public async Task On_the_sandbox_a_submitted_template_is_pending_until_the_delay_has_passed_then_a_sync_approves_it()
    {
        var (created, sandbox) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/channel-accounts", new
        {
            pluginId = "sandbox",
            name = "Sandbox",
            settings = new Dictionary<string, object?> { ["templateApprovalSeconds"] = "60" },
        });
        Assert.True(created.IsSuccessStatusCode, sandbox.ToJsonString());
        var account = Guid.Parse((string)sandbox["id"]!);
        var id = await CreateTemplateAsync(account);
        var admin = Host.CreateAdminClient();

        var (submitted, template) = await admin.PostJsonAsync($"/api/v1/templates/{id}/submit", new { });
        Assert.Equal((HttpStatusCode.OK, "pending"), (submitted.StatusCode, (string?)template["status"]));
        var (again, againProblem) = await admin.PostJsonAsync($"/api/v1/templates/{id}/submit", new { });
        Assert.Equal((HttpStatusCode.Conflict, "template_already_submitted"), (again.StatusCode, (string?)againProblem["code"]));

        Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await admin.PostJsonAsync($"/api/v1/templates/sync?channelAccountId={account}", new { });
        Assert.Equal("pending", (string?)(await admin.GetJsonAsync($"/api/v1/templates/{id}"))["status"]);

        Host.Clock.Advance(TimeSpan.FromSeconds(31));
        var (_, outcome) = await admin.PostJsonAsync($"/api/v1/templates/sync?channelAccountId={account}", new { });
        Assert.Equal(1, (int)outcome["updated"]!);
        Assert.Equal("approved", (string?)(await admin.GetJsonAsync($"/api/v1/templates/{id}"))["status"]);
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Equal(id, Assert.Single(await scope.ServiceProvider.GetRequiredService<ITemplatesApi>().ListApprovedAsync(account, default)).Id);
    }

    [Fact]
    public async Task The_demo_sandbox_has_an_approved_template_with_the_contacts_name_bound()
    {
        await using var demo = await TestHost.StartAsync(Kind, seedDemoData: true);
        await using var scope = demo.Services.CreateAsyncScope();
        var sandbox = (await scope.ServiceProvider.GetRequiredService<ContactCenter.Channels.Contracts.IChannelsApi>().ListAccountsAsync(default)).Single(a => a.PluginId == "sandbox");
        var template = Assert.Single(await scope.ServiceProvider.GetRequiredService<ITemplatesApi>().ListApprovedAsync(sandbox.Id, default));
        Assert.Equal(("retomada_atendimento", "pt_BR", "contact.name"), (template.Name, template.Language, template.Variables[0].BoundField));
    }

    private async Task PublishAsync(TemplateMessageSent sent)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(sent);
        await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().SaveChangesAsync();
    }

    private async Task ReviewAsync(Guid account, string status, string reason, long time)
    {
        var update = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":{{{time}}},"changes":[{"field":"message_template_status_update","value":
             {"event":"{{{status}}}","message_template_id":594425479261596,"message_template_name":"retomada_atendimento","message_template_language":"pt_BR","reason":"{{{reason}}}"}}]}]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, update)).StatusCode);
        await ProcessAsync();
    }
}

public sealed class TemplatesApiTestsOnSqlite() : TemplatesApiTests(DatabaseKind.Sqlite);

public sealed class TemplatesApiTestsOnPostgres() : TemplatesApiTests(DatabaseKind.Postgres);
