using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// Pictures both ways between the sandbox phone and the agent's thread, through the real webhook, media store and
/// outbox: the customer's picture shows in the thread, the agent's attachment shows on the phone, and files WhatsApp
/// would refuse are explained in Portuguese before anything is sent.
/// </summary>
public sealed class MediaTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task A_customer_and_an_agent_exchange_pictures_and_a_file_whatsapp_refuses_is_explained() => InBrowserAsync(async phonePage =>
    {
        await LogInAsync(phonePage, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(phonePage);
        await phonePage.GotoAsync("/admin/channels");
        await WaitInteractiveAsync(phonePage);
        await phonePage.GetByTestId("channel-row").Filter(new LocatorFilterOptions { HasText = "Sandbox (demonstração)" }).GetByTestId("channel-sandbox-link").ClickAsync();
        await WaitInteractiveAsync(phonePage);
        var phone = "55119" + Random.Shared.Next(10000000, 99999999);
        await phonePage.GetByTestId("sandbox-phone").FillAsync(phone);
        await phonePage.GetByTestId("sandbox-phone").PressAsync("Tab");
        await phonePage.GetByTestId("sandbox-text").FillAsync("Olha a fachada");
        await phonePage.GetByTestId("sandbox-text").PressAsync("Tab");
        await phonePage.GetByTestId("sandbox-file").SetInputFilesAsync(new FilePayload { Name = "fachada.png", MimeType = "image/png", Buffer = SandboxPhoneTests.Png });
        await Expect(phonePage.Locator("[data-testid=sandbox-message][data-direction=inbound] img")).ToBeVisibleAsync();

        // The agent, in another tab of the same login, sees the customer's picture in the thread.
        var page = await phonePage.Context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await WaitInteractiveAsync(page);
        await page.GetByTestId("inbox-tab-all").ClickAsync();
        await page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = phone }).Locator(".inbox-item").ClickAsync();
        var received = page.Locator("[data-testid=thread-message][data-direction=inbound]");
        await Expect(received.Locator("[data-testid=thread-media][data-kind=image] img")).ToBeVisibleAsync();
        await Expect(received).ToContainTextAsync("Olha a fachada");
        Assert.True(await received.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        // Files WhatsApp would refuse: explained at once, in Portuguese, and nothing is sent.
        await page.GetByTestId("composer-attach").SetInputFilesAsync(new FilePayload { Name = "programa.exe", MimeType = "application/x-msdownload", Buffer = new byte[10] });
        await Expect(page.GetByTestId("thread-error")).ToContainTextAsync("O WhatsApp não aceita este tipo de arquivo (application/x-msdownload).");
        await page.GetByTestId("composer-attach").SetInputFilesAsync(new FilePayload { Name = "grande.jpg", MimeType = "image/jpeg", Buffer = new byte[6 * 1024 * 1024] });
        await Expect(page.GetByTestId("thread-error")).ToHaveTextAsync("Arquivo grande demais: o WhatsApp aceita imagens de até 5 MB.");
        await Expect(page.GetByTestId("composer-file")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=thread-message][data-direction=outbound]")).ToHaveCountAsync(0);

        // The agent attaches a picture with a caption: it shows in the thread and on the customer's phone.
        await page.GetByTestId("composer-attach").SetInputFilesAsync(new FilePayload { Name = "planta.png", MimeType = "image/png", Buffer = SandboxPhoneTests.Png });
        await Expect(page.GetByTestId("composer-file")).ToContainTextAsync("planta.png");
        await Expect(page.GetByTestId("thread-error")).ToHaveCountAsync(0);
        await page.GetByTestId("composer-text").FillAsync("A planta do apartamento");
        await page.GetByTestId("composer-send").ClickAsync();
        var sent = page.Locator("[data-testid=thread-message][data-direction=outbound]");
        await Expect(sent.Locator("[data-testid=thread-media][data-kind=image] img")).ToBeVisibleAsync();
        await Expect(sent).ToContainTextAsync("A planta do apartamento");
        await Expect(page.GetByTestId("composer-file")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "page-inbox-thread-media");

        // A document larger than the server's default 30 MB request limit streams through as a download with its size.
        await page.GetByTestId("composer-attach").SetInputFilesAsync(new FilePayload { Name = "memorial.pdf", MimeType = "application/pdf", Buffer = new byte[31 * 1024 * 1024] });
        await page.GetByTestId("composer-send").ClickAsync();
        var document = sent.Locator("[data-testid=thread-media][data-kind=document]");
        // 31 MB go from the browser to the disk: on a busy build machine that takes longer than a click.
        await Expect(document).ToContainTextAsync("memorial.pdf", new LocatorAssertionsToContainTextOptions { Timeout = 90_000 });
        await Expect(document).ToContainTextAsync("31 MB");

        // The phone hears both sends at once now (pushed), so pick the picture's bubble by its caption.
        var onPhone = phonePage.Locator("[data-testid=sandbox-message][data-direction=outbound]").Filter(new LocatorFilterOptions { HasText = "A planta do apartamento" });
        await Expect(onPhone.Locator("img")).ToBeVisibleAsync();
        await Expect(onPhone).ToContainTextAsync("A planta do apartamento");
        Assert.True(await onPhone.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await ScreenshotAsync(phonePage, "page-sandbox-phone-media");
    });
}
