using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// Seed 003's trigger editor in the browser: the first-trigger rule refuses readably, the greeting and a keyword trigger
/// are created, the flow picture gains the box and the arrow, and "Testar" says which trigger a message fires and why.
/// With <c>CC_UPDATE_DOCS_IMAGES=1</c> the flow picture is also saved as docs/images/chatbot-flow.png for docs/chatbot.md.
/// </summary>
public sealed class ChatbotTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task The_admin_builds_the_flow_sees_it_drawn_and_tests_a_message() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GotoAsync("/chatbot");
        await WaitInteractiveAsync(page);

        await page.GetByTestId("chatbot-first-team").SelectOptionAsync(new SelectOptionValue { Label = "Comercial" });
        await page.GetByTestId("chatbot-settings-save").ClickAsync();
        await Expect(page.GetByTestId("chatbot-settings-saved")).ToBeVisibleAsync();

        // A keyword trigger cannot be the first: the greeting must wait for more than an hour without interaction.
        await FillTriggerAsync(page, "Vai para o Suporte", keywords: "suporte, ajuda técnica");
        await page.GetByTestId("trigger-action").SelectOptionAsync("MoveToTeam");
        await page.GetByTestId("trigger-target").SelectOptionAsync(new SelectOptionValue { Label = "Suporte" });
        await page.GetByTestId("trigger-save").ClickAsync();
        await Expect(page.GetByTestId("chatbot-error")).ToContainTextAsync("more than 1 hour without interaction");
        await Expect(page.GetByTestId("chatbot-trigger")).ToHaveCountAsync(0);

        // The greeting: more than 2 hours without interaction, a menu.
        await FillTriggerAsync(page, "Saudação", keywords: string.Empty);
        await page.GetByTestId("trigger-idle-comparison").SelectOptionAsync("GreaterThan");
        await page.GetByTestId("trigger-idle-hours").FillAsync("2");
        await page.GetByTestId("trigger-action").SelectOptionAsync("SendMessage");
        await page.GetByTestId("trigger-message").FillAsync("Olá! Digite Comercial ou Suporte.");
        await page.GetByTestId("trigger-save").ClickAsync();
        await Expect(page.GetByTestId("chatbot-trigger")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("chatbot-flow-team")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("chatbot-flow-arrow")).ToHaveCountAsync(0);

        // Now the keyword trigger is accepted: Suporte gets its box, and an arrow labelled with the keywords leads there.
        await FillTriggerAsync(page, "Vai para o Suporte", keywords: "suporte, ajuda técnica");
        await page.GetByTestId("trigger-team").SelectOptionAsync(new SelectOptionValue { Label = "Comercial" });
        await page.GetByTestId("trigger-action").SelectOptionAsync("MoveToTeam");
        await page.GetByTestId("trigger-target").SelectOptionAsync(new SelectOptionValue { Label = "Suporte" });
        await page.GetByTestId("trigger-save").ClickAsync();
        await Expect(page.GetByTestId("chatbot-trigger")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("chatbot-flow-team")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("chatbot-flow-team").Filter(new LocatorFilterOptions { HasText = "Suporte" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chatbot-flow-arrow")).ToContainTextAsync("suporte, ajuda técnica");

        // "Testar": capitals and no accent still match the keyword, and the box says which trigger fires and why.
        await page.GetByTestId("test-team").SelectOptionAsync(new SelectOptionValue { Label = "Comercial" });
        await page.GetByTestId("test-idle").FillAsync("0.1");
        await page.GetByTestId("test-message").FillAsync("Preciso de AJUDA TECNICA!");
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(page.GetByTestId("test-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
        await Expect(page.GetByTestId("test-explanation")).ToContainTextAsync("Vai para o Suporte");

        // A message no trigger expects: none fires, and each trigger says what did not hold.
        await page.GetByTestId("test-message").FillAsync("Quero falar de outra coisa");
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(page.GetByTestId("test-result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-error"));
        await Expect(page.GetByTestId("test-explanation")).ToContainTextAsync("Saudação");

        await ScreenshotAsync(page, "page-chatbot");
        var flow = page.GetByTestId("chatbot-flow");
        var picture = Path.Combine(ScreenshotDirectory, "chatbot-flow.png");
        await flow.ScreenshotAsync(new LocatorScreenshotOptions { Path = picture });
        if (Environment.GetEnvironmentVariable("CC_UPDATE_DOCS_IMAGES") == "1")
        {
            var docs = Path.GetFullPath(Path.Combine(ScreenshotDirectory, "..", "..", "..", "..", "docs", "images"));
            Directory.CreateDirectory(docs);
            File.Copy(picture, Path.Combine(docs, "chatbot-flow.png"), overwrite: true);
        }
    });

    private static async Task FillTriggerAsync(IPage page, string description, string keywords)
    {
        await page.GetByTestId("trigger-description").FillAsync(description);
        await page.GetByTestId("trigger-keywords").FillAsync(keywords);
    }
}
