using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// Templates end to end in the browser: an admin writes one, Meta's rules are explained in Portuguese while typing, the
/// sandbox reviews and approves it; a supervisor then reads how often templates were billed in the chart, the table and
/// the CSV, and an agent cannot open that page. (The host runs on the system clock as its own process, so the sandbox
/// account approves after 0 seconds instead of a moved clock; the clock-moving version is in TemplatesApiTests.)
/// </summary>
public sealed class TemplatesTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task An_admin_writes_a_template_sees_the_rule_it_breaks_in_portuguese_fixes_it_and_gets_it_approved() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var account = await CreateSandboxAsync(admin, "Sandbox modelos");
        var name = "pedido_pronto_" + Guid.NewGuid().ToString("N")[..6];

        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-templates").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Modelos de mensagem" })).ToBeVisibleAsync();
        await page.GotoAsync($"/admin/templates/new?account={account}");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("template-account")).ToHaveValueAsync(account);

        // A body that starts with a variable: Meta would refuse it, and the form says why before anything is sent.
        await page.GetByTestId("template-name").FillAsync(name);
        await page.GetByTestId("template-category").SelectOptionAsync("utility");
        await page.GetByTestId("template-body").FillAsync("{{1}}, seu pedido chegou à loja");
        var startProblem = page.GetByTestId("template-problem").Filter(new() { HasText = "O corpo não pode começar com uma variável" });
        await Expect(startProblem).ToBeVisibleAsync();
        await Expect(startProblem).ToHaveAttributeAsync("data-field", "body");
        await Expect(page.GetByTestId("template-field-problem").Filter(new() { HasText = "não pode começar com uma variável" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("template-example-1")).ToBeVisibleAsync();

        // Saving anyway is refused: nothing is stored and what was typed stays.
        await page.GetByTestId("template-save").ClickAsync();
        await Expect(page.GetByTestId("template-error")).ToContainTextAsync("Corrija os problemas");
        await Expect(page.GetByTestId("template-problem").Filter(new() { HasText = "Dê um exemplo para a variável {{1}}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("template-body")).ToHaveValueAsync("{{1}}, seu pedido chegou à loja");
        await Expect(page.GetByTestId("template-name")).ToHaveValueAsync(name);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/templates?channelAccountId={account}")).GetArrayLength());

        // Fixed: text before the variable, an example for it; the preview shows the message as the contact reads it.
        await page.GetByTestId("template-body").FillAsync("Olá {{1}}, seu pedido chegou à loja. Pode retirar hoje?");
        await page.GetByTestId("template-example-1").FillAsync("Maria");
        await page.GetByTestId("template-binding-body-1").SelectOptionAsync("contact.name");
        await page.GetByTestId("template-button-add").ClickAsync();
        await page.GetByTestId("template-button-1").FillAsync("Vou retirar");
        await Expect(page.GetByTestId("template-problem")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("template-lint-ok")).ToHaveTextAsync("Nenhum problema encontrado: o modelo pode ser enviado para aprovação.");
        await Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Olá Maria, seu pedido chegou à loja. Pode retirar hoje?");
        await ScreenshotAsync(page, "page-template-form");

        await page.GetByTestId("template-submit").ClickAsync();
        await Expect(page.GetByTestId("template-notice")).ToContainTextAsync($"O modelo {name} está aprovado");
        await Expect(page.GetByTestId("template-state").GetByTestId("template-status")).ToHaveTextAsync("aprovado");
        await Expect(page.GetByTestId("template-readonly")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/templates/[0-9a-f-]{36}$"));

        // The list: under its channel account, approved, never sent yet; sync asks the sandbox again and nothing changes.
        await page.GetByTestId("template-back").ClickAsync();
        var group = page.Locator($"[data-testid=templates-group][data-account-id='{account}']");
        var row = group.Locator($"[data-testid=template-row][data-template-name='{name}']");
        await Expect(row.GetByTestId("template-status")).ToHaveTextAsync("aprovado");
        await Expect(row.GetByTestId("template-usage")).ToContainTextAsync("0 no total");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("templates-account").SelectOptionAsync(account);
        await Expect(page.GetByTestId("templates-group")).ToHaveCountAsync(1);
        await page.GetByTestId("templates-sync").ClickAsync();
        await Expect(page.GetByTestId("templates-notice")).ToHaveTextAsync("Situações conferidas com o provedor: nada mudou.");
        await ScreenshotAsync(page, "page-templates");

        var stored = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/templates?channelAccountId={account}")).EnumerateArray().Single();
        Assert.Equal(("approved", "Maria", "contact.name", "Vou retirar"), (
            stored.GetProperty("status").GetString(), stored.GetProperty("bodyExamples")[0].GetString(),
            stored.GetProperty("bindings").GetProperty("body:1").GetString(), stored.GetProperty("buttons")[0].GetString()));
    });

    [Fact]
    public Task A_supervisor_sees_the_template_sends_in_the_chart_the_table_and_the_csv_and_an_agent_cannot_open_it() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var account = await CreateSandboxAsync(admin, "Sandbox uso");
        var accountName = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/channel-accounts/{account}")).GetProperty("name").GetString()!;
        var template = await admin.PostAsJsonAsync("/api/v1/templates", new
        {
            channelAccountId = account,
            name = "retomada_uso",
            language = "pt_BR",
            category = "utility",
            body = "Olá {{1}}, podemos continuar seu atendimento hoje?",
            bodyExamples = new[] { "Maria" },
            bindings = new Dictionary<string, string> { ["body:1"] = "contact.name" },
        });
        Assert.True(template.IsSuccessStatusCode, await template.Content.ReadAsStringAsync());
        var templateId = (await template.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await admin.PostAsync($"/api/v1/templates/{templateId}/submit", null)).EnsureSuccessStatusCode();

        // A contact writes; the admin answers with the template twice (confirming the resend), and the channel accepts both.
        var phone = "55119" + Random.Shared.Next(10000000, 99999999);
        await PostSandboxMessageAsync(account, phone, "Marta Uso", "Oi, ainda tenho interesse");
        var conversation = await WaitConversationAsync(admin, phone);
        foreach (var confirm in new[] { false, true })
        {
            var sent = await admin.PostAsJsonAsync($"/api/v1/conversations/{conversation}/templates", new { templateId, confirmCooldown = confirm });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await WaitCountedAsync(admin, account, 2);

        await LogInAsync(page, "supervisor", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-templateusage").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uso de modelos" })).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);
        await page.GetByTestId("usage-account").SelectOptionAsync(account);
        await page.GetByTestId("usage-submit").ClickAsync();

        var rows = page.GetByTestId("usage-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(accountName);
        await Expect(rows.First.GetByTestId("usage-row-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("usage-total")).ToContainTextAsync("2 mensagens de modelo");
        var bars = page.GetByTestId("usage-bar");
        await Expect(bars).ToHaveCountAsync(30); // the last 30 days, one slot each
        await Expect(page.Locator($"[data-testid=usage-bar][data-day='{today}']")).ToHaveAttributeAsync("data-count", "2");
        await ScreenshotAsync(page, "page-template-usage");

        // The CSV is the same report, with a header row, downloaded with the supervisor's session.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("usage-csv").ClickAsync());
        Assert.Matches(@"^uso-de-modelos_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,channelAccountId,channelAccount,teamId,team,agentId,agent,count", lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith($"{today},{account},{accountName},", line, StringComparison.Ordinal);
        Assert.EndsWith(",2", line, StringComparison.Ordinal);

        // Agents have neither the menu entry nor the page, nor the file.
        await page.GetByTestId("logout").ClickAsync();
        await LogInAsync(page, "ana", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("nav-templateusage")).ToHaveCountAsync(0);
        await page.GotoAsync("/reports/template-usage");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usage-table")).ToHaveCountAsync(0);
        using var ana = await LogInApiAsync("ana");
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.GetAsync("/api/v1/reports/template-usage?format=csv")).StatusCode);
    });

    /// <summary>A signed sandbox account whose pretend reviewer approves templates at once.</summary>
    private static Task<string> CreateSandboxAsync(HttpClient admin, string name) =>
        SandboxWebhook.CreateSignedAccountAsync(admin, name, new() { ["templateApprovalSeconds"] = "0" });

    /// <summary>The host's inbox processor works in the background: wait until the contact's conversation exists.</summary>
    private static async Task<string> WaitConversationAsync(HttpClient admin, string phone)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations?search={phone}")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("id").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The message from {phone} was not processed in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends are counted when the channel accepts them (the outbox works in the background).</summary>
    private static async Task WaitCountedAsync(HttpClient admin, string account, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/template-usage?channelAccountId={account}"))
               .EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The template sends were not counted in time (expected {count}).");
            await Task.Delay(100);
        }
    }

    private Task PostSandboxMessageAsync(string account, string phone, string name, string text) =>
        SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, name, text);
}
