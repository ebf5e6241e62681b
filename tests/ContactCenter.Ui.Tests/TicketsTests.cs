using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// Seed 003's tickets in the browser: an agent selects messages in a conversation, "Criar chamado", then links another
/// message by number; the ticket page shows the messages and the history, and the status is changed there.
/// </summary>
public sealed class TicketsTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task An_admin_opens_a_ticket_from_picked_messages_links_one_more_by_number_and_solves_it() => InBrowserAsync(async page =>
    {
        using var admin = await LogInApiAsync("admin");
        var account = await SandboxWebhook.CreateSignedAccountAsync(admin, "Sandbox chamados");
        var phone = "55119" + Random.Shared.Next(10000000, 99999999);
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, "Renata Boleto", "Meu boleto veio errado");
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, "Renata Boleto", "O valor está em dobro");
        await SandboxWebhook.PostMessageAsync(Fixture.BaseUrl, account, phone, "Renata Boleto", "Podem corrigir até sexta?");
        await WaitMessagesAsync(admin, phone, 3);

        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/inbox");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("inbox-tab-all").ClickAsync();
        await page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = phone }).Locator(".inbox-item").ClickAsync();
        await Expect(page.GetByTestId("thread-message")).ToHaveCountAsync(3);

        // Nothing selected: the ticket is created only after the agent confirms.
        await page.GetByTestId("ticket-create").ClickAsync();
        await Expect(page.GetByTestId("ticket-confirm-empty")).ToContainTextAsync("Nenhuma mensagem foi selecionada");
        await page.GetByTestId("ticket-confirm-empty").GetByRole(AriaRole.Button, new() { Name = "Cancelar" }).ClickAsync();

        await page.GetByTestId("thread-select").ClickAsync();
        var messages = page.GetByTestId("thread-message");
        await messages.Nth(0).GetByTestId("message-select").CheckAsync();
        await messages.Nth(1).GetByTestId("message-select").CheckAsync();
        await Expect(page.GetByTestId("thread-select")).ToContainTextAsync("2 selecionadas");
        await page.GetByTestId("ticket-create").ClickAsync();
        await Expect(page.GetByTestId("ticket-create-form")).ToContainTextAsync("2 mensagem(ns)");
        await page.GetByTestId("ticket-create-title").FillAsync("Boleto com valor em dobro");
        await page.GetByTestId("ticket-create-priority").SelectOptionAsync("High");
        // This number serves no team yet: the agent says which team looks after the ticket.
        await page.GetByTestId("ticket-create-submit").ClickAsync();
        await Expect(page.GetByTestId("ticket-tools-error")).ToContainTextAsync("Escolha o time");
        await page.GetByTestId("ticket-create-team").SelectOptionAsync(new SelectOptionValue { Label = "Suporte" });
        await page.GetByTestId("ticket-create-submit").ClickAsync();
        await Expect(page.GetByTestId("ticket-tools-notice")).ToContainTextAsync("aberto");
        var badge = page.GetByTestId("conversation-ticket");
        await Expect(badge).ToHaveCountAsync(1);
        var number = await badge.GetAttributeAsync("data-number");
        await Expect(page.GetByTestId("message-select")).ToHaveCountAsync(0); // the picking ended
        await ScreenshotAsync(page, "conversation-ticket-created");

        // Link the third message to the same ticket by its number.
        await page.GetByTestId("thread-select").ClickAsync();
        await messages.Nth(2).GetByTestId("message-select").CheckAsync();
        await page.GetByTestId("ticket-link").ClickAsync();
        await page.GetByTestId("ticket-link-number").FillAsync(number!);
        await page.GetByTestId("ticket-link-submit").ClickAsync();
        await Expect(page.GetByTestId("ticket-tools-notice")).ToContainTextAsync($"#{number}");

        await page.GetByTestId("ticket-tools-open").ClickAsync();
        await Expect(page.GetByTestId("ticket-title")).ToHaveTextAsync($"#{number} · Boleto com valor em dobro");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("ticket-message")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("ticket-requester")).ToContainTextAsync("Renata Boleto");
        await page.GetByTestId("ticket-edit-status").SelectOptionAsync("Solved");
        await page.GetByTestId("ticket-save").ClickAsync();
        await Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("Resolvido");
        await Expect(page.GetByTestId("ticket-history-entry").Last).ToContainTextAsync("mudou a situação de Aberto para Resolvido");
        await Expect(page.GetByTestId("ticket-history-entry").Nth(1)).ToContainTextAsync("vinculou 1 mensagem(ns)");
        await ScreenshotAsync(page, "page-ticket");

        // The list shows it with its status filter.
        await page.GotoAsync("/tickets");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("tickets-status").SelectOptionAsync("solved");
        await Expect(page.Locator($"[data-testid=tickets-row][data-number='{number}']")).ToContainTextAsync("Resolvido");
    });

    private static async Task WaitMessagesAsync(HttpClient admin, string phone, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations?search={phone}")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                var id = items[0].GetProperty("id").GetString();
                var messages = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}/messages")).GetProperty("items");
                if (messages.GetArrayLength() >= count)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The messages from {phone} were not processed in time.");
            await Task.Delay(100);
        }
    }
}
