using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// The side panel beside a conversation (issue 11): who the person is, their temperature (changed right there), their open
/// tickets and their last conversations, each opening the whole thread.
/// </summary>
public sealed class ContactSidePanelTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task The_agent_sees_the_contact_beside_the_conversation_changes_their_temperature_and_opens_an_earlier_conversation() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var account = await SandboxWebhook.CreateSignedAccountAsync(admin, "Sandbox painel");
        var phone = "55119" + Random.Shared.Next(10000000, 99999999);
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, "Paula Painel", "Quero ver o apartamento de novo");
        var earlier = await WaitConversationAsync(admin, phone, null);
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{earlier}/finish", new { reason = "Visita agendada" })).EnsureSuccessStatusCode();
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, "Paula Painel", "A visita de sábado continua de pé?");
        var current = await WaitConversationAsync(admin, phone, earlier);
        var teams = await admin.GetFromJsonAsync<JsonElement>("/api/v1/teams");
        var team = teams.EnumerateArray().First().GetProperty("id").GetString();
        (await admin.PostAsJsonAsync("/api/v1/tickets", new { title = "Chave do apartamento 12", conversationId = current, teamId = team })).EnsureSuccessStatusCode();

        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/inbox");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("inbox-tab-all").ClickAsync();
        await page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = phone }).Locator(".inbox-item").ClickAsync();
        var panel = page.GetByTestId("contact-side-panel");
        await Expect(panel.GetByTestId("side-contact-name")).ToHaveTextAsync("Paula Painel");
        await Expect(panel.GetByTestId("side-ticket")).ToHaveCountAsync(1);
        await Expect(panel.GetByTestId("side-ticket")).ToContainTextAsync("Chave do apartamento 12");
        await Expect(panel.GetByTestId("side-conversation")).ToHaveCountAsync(1);
        // She came back by herself: the "returning contact" rule made her hot; the agent knows better and cools her down.
        await Expect(panel.GetByTestId("side-temperature")).ToHaveAttributeAsync("data-value", "hot");
        await panel.GetByTestId("side-temperature-cold").ClickAsync();
        await Expect(panel.GetByTestId("side-temperature")).ToHaveAttributeAsync("data-value", "cold");
        await Expect(panel.GetByTestId("side-temperature-cold")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(panel.GetByTestId("side-temperature-cold")).ToHaveTextAsync("fria");
        var contactId = await panel.GetAttributeAsync("data-contact-id");
        var contact = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contactId}");
        Assert.Equal("cold", contact.GetProperty("temperature").GetString());
        await ScreenshotAsync(page, "conversation-side-panel");

        // The earlier conversation opens whole, with how it ended.
        await panel.GetByTestId("side-conversation").Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/history/{earlier}$"));
        await Expect(page.GetByTestId("thread-message")).ToContainTextAsync(["Quero ver o apartamento de novo"]);
    });

    /// <summary>The contact's newest conversation once processed (another than <paramref name="not"/>).</summary>
    private static async Task<string> WaitConversationAsync(HttpClient admin, string phone, string? not)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations?search={phone}")).GetProperty("items");
            var found = items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).FirstOrDefault(id => id != not);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The message from {phone} was not processed in time.");
            await Task.Delay(100);
        }
    }
}
