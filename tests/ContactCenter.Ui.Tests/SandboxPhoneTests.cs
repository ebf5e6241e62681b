using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// The issue's trial: a person plays the customer on the sandbox phone, an agent replies through the API, and the
/// reply shows on the phone and comes back read — all through the real webhook, inbox and outbox.
/// </summary>
public sealed class SandboxPhoneTests(UiFixture fixture) : UiTest(fixture)
{
    private const string Question = "Olá, quero saber do apartamento";
    private const string Reply = "Oi Maria! Ainda está disponível, quer visitar?";

    [Fact]
    public Task A_customer_writes_from_the_sandbox_phone_and_sees_the_agents_reply_which_becomes_read() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/admin/channels");
        await WaitInteractiveAsync(page);
        var row = page.GetByTestId("channel-row").Filter(new LocatorFilterOptions { HasText = "Sandbox (demonstração)" });
        await row.GetByTestId("channel-sandbox-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sandbox/[0-9a-f-]{36}$"));
        await WaitInteractiveAsync(page);

        await page.GetByTestId("sandbox-phone").FillAsync("5511999990001");
        await page.GetByTestId("sandbox-phone").PressAsync("Tab");
        await page.GetByTestId("sandbox-name").FillAsync("Maria Teste");
        await page.GetByTestId("sandbox-text").FillAsync(Question);
        await page.GetByTestId("sandbox-send").ClickAsync();

        var inbound = page.Locator("[data-testid=sandbox-message][data-direction=inbound]");
        await Expect(inbound).ToContainTextAsync(Question);
        await Expect(page.GetByTestId("sandbox-error")).ToHaveCountAsync(0);
        // ✓ while it waits in the host's inbox, ✓✓ once it is in a conversation (pushed, no polling).
        await Expect(inbound).ToHaveAttributeAsync("data-status", "delivered");

        // The agent's side: the message is in the API, and the reply goes out through the outbox.
        var conversations = await GetJsonAsync(page, "/api/v1/conversations?search=5511999990001");
        var conversation = conversations.GetProperty("items")[0];
        Assert.Equal("Maria Teste", conversation.GetProperty("contact").GetProperty("name").GetString());
        var id = conversation.GetProperty("id").GetString();
        var messages = await GetJsonAsync(page, $"/api/v1/conversations/{id}/messages");
        Assert.Equal(Question, messages.GetProperty("items")[0].GetProperty("text").GetString());

        var sent = await page.APIRequest.PostAsync($"{Fixture.BaseUrl}/api/v1/conversations/{id}/messages", new APIRequestContextOptions
        {
            DataObject = new { text = Reply },
        });
        Assert.Equal(202, sent.Status);

        var outbound = page.Locator("[data-testid=sandbox-message][data-direction=outbound]");
        await Expect(outbound).ToContainTextAsync(Reply);
        // The phone reports it delivered and read; the agent sees it read.
        await Expect(outbound).ToHaveAttributeAsync("data-status", "read");
        await Expect(inbound).ToHaveAttributeAsync("data-status", "read");
        var reply = (await GetJsonAsync(page, $"/api/v1/conversations/{id}/messages")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("direction").GetString() == "outbound");
        Assert.Equal("read", reply.GetProperty("status").GetString());
        await Expect(page.GetByTestId("sandbox-window")).ToContainTextAsync(":");
        await ScreenshotAsync(page, "page-sandbox-phone");
    });

    [Fact]
    public Task A_wrong_phone_number_is_explained_and_an_unknown_account_has_no_phone() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/admin/channels");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("channel-sandbox-link").First.ClickAsync();
        await WaitInteractiveAsync(page);

        await page.GetByTestId("sandbox-phone").FillAsync("011 9999");
        await page.GetByTestId("sandbox-text").FillAsync("Oi");
        await page.GetByTestId("sandbox-send").ClickAsync();
        await Expect(page.Locator(".field-error")).ToContainTextAsync("5511999990001");
        await Expect(page.GetByTestId("sandbox-message")).ToHaveCountAsync(0);

        await page.GotoAsync($"/sandbox/{Guid.NewGuid()}");
        await Expect(page.GetByTestId("sandbox-not-found")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_picture_from_the_sandbox_phone_reaches_the_agent_and_shows_on_the_phone() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/admin/channels");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("channel-row").Filter(new LocatorFilterOptions { HasText = "Sandbox (demonstração)" }).GetByTestId("channel-sandbox-link").ClickAsync();
        await WaitInteractiveAsync(page);
        var phone = "55119" + Random.Shared.Next(10000000, 99999999);
        await page.GetByTestId("sandbox-phone").FillAsync(phone);
        await page.GetByTestId("sandbox-phone").PressAsync("Tab");

        await page.GetByTestId("sandbox-text").FillAsync("A fachada");
        await page.GetByTestId("sandbox-text").PressAsync("Tab"); // as a click on the clip would: the caption is taken
        await page.GetByTestId("sandbox-file").SetInputFilesAsync(new FilePayload { Name = "fachada.png", MimeType = "image/png", Buffer = Png });

        var inbound = page.Locator("[data-testid=sandbox-message][data-direction=inbound]");
        await Expect(inbound.Locator("img")).ToBeVisibleAsync();
        await Expect(inbound).ToContainTextAsync("A fachada");
        await Expect(page.GetByTestId("sandbox-error")).ToHaveCountAsync(0);
        var conversation = (await GetJsonAsync(page, $"/api/v1/conversations?search={phone}")).GetProperty("items")[0];
        var message = (await GetJsonAsync(page, $"/api/v1/conversations/{conversation.GetProperty("id").GetString()}/messages")).GetProperty("items")[0];
        Assert.Equal("image", message.GetProperty("type").GetString());
        Assert.Equal("fachada.png", message.GetProperty("media").GetProperty("fileName").GetString());
        // The picture really loads from the media URL (not a broken image).
        Assert.True(await inbound.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        // A document shows as a download with its name; WhatsApp's refusals are explained in Portuguese and nothing is sent.
        await page.GetByTestId("sandbox-file").SetInputFilesAsync(new FilePayload { Name = "proposta.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 proposta"u8.ToArray() });
        await Expect(page.GetByTestId("sandbox-media-document")).ToContainTextAsync("proposta.pdf");
        await page.GetByTestId("sandbox-file").SetInputFilesAsync(new FilePayload { Name = "programa.exe", MimeType = "application/x-msdownload", Buffer = new byte[10] });
        await Expect(page.GetByTestId("sandbox-error")).ToContainTextAsync("O WhatsApp não aceita este tipo de arquivo (application/x-msdownload)");
        await page.GetByTestId("sandbox-file").SetInputFilesAsync(new FilePayload { Name = "grande.jpg", MimeType = "image/jpeg", Buffer = new byte[6 * 1024 * 1024] });
        await Expect(page.GetByTestId("sandbox-error")).ToContainTextAsync("Arquivo grande demais: o WhatsApp aceita imagens de até 5 MB.");
        await Expect(inbound).ToHaveCountAsync(2);
    });

    /// <summary>A real 1×1 PNG, so the browser can show it.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        // The browser context's login cookie authenticates these calls, as for any logged-in user.
        var response = await page.APIRequest.GetAsync(Fixture.BaseUrl + path);
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }
}
