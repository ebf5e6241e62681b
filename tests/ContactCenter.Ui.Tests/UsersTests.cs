using ContactCenter.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

public sealed class UsersTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task An_admin_creates_an_agent_who_logs_in_without_admin_rights() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await WaitInteractiveAsync(page);
        await page.GetByTestId("nav-users").ClickAsync();
        await Expect(page.Locator("[data-testid=user-row][data-username=ana]")).ToBeVisibleAsync();

        await page.GetByTestId("user-username").FillAsync("Joana.Lima");
        await page.GetByTestId("user-displayname").FillAsync("Joana Lima");
        await page.GetByTestId("user-email").FillAsync("joana@example.com");
        await page.GetByTestId("user-password").FillAsync("joana-pass-1");
        await page.GetByTestId("user-role").SelectOptionAsync("Agent");
        await page.GetByTestId("user-save").ClickAsync();

        var row = page.Locator("[data-testid=user-row][data-username='joana.lima']");
        await Expect(row).ToContainTextAsync("Joana Lima");
        await Expect(row).ToContainTextAsync("Atendente");
        await Expect(page.GetByTestId("user-notice")).ToContainTextAsync("joana.lima");
        await ScreenshotAsync(page, "page-users");

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();

        await LogInAsync(page, "joana.lima", "joana-pass-1");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Joana Lima");
        await Expect(page.GetByTestId("current-role")).ToHaveTextAsync("Atendente");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user-row")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "page-not-allowed");
    });

    [Fact]
    public Task Invalid_fields_are_shown_next_to_their_inputs_and_an_edit_deactivates_a_user() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await page.GotoAsync("/admin/users");
        await WaitInteractiveAsync(page);

        await page.GetByTestId("user-username").FillAsync("bad name!");
        await page.GetByTestId("user-email").FillAsync("not-an-email");
        await page.GetByTestId("user-password").FillAsync("short");
        await page.GetByTestId("user-save").ClickAsync();

        await Expect(page.GetByTestId("user-error")).ToHaveTextAsync("Um ou mais campos estão inválidos.");
        await Expect(page.GetByTestId("error-userName")).ToHaveTextAsync("Use até 100 letras, números, '.', '_', '-' ou '@'.");
        await Expect(page.GetByTestId("error-displayName")).ToHaveTextAsync("Informe o nome.");
        await Expect(page.GetByTestId("error-email")).ToHaveTextAsync("Este não é um e-mail válido.");
        await Expect(page.GetByTestId("error-password")).ToHaveTextAsync("A senha precisa de pelo menos 8 caracteres.");
        await Expect(page.Locator("[data-testid=user-row][data-username='bad name!']")).ToHaveCountAsync(0);

        var bruno = page.Locator("[data-testid=user-row][data-username=bruno]");
        await bruno.GetByTestId("user-edit").ClickAsync();
        await Expect(page.GetByTestId("user-displayname")).ToHaveValueAsync("Bruno Corretor");
        await page.GetByTestId("user-active").UncheckAsync();
        await page.GetByTestId("user-save").ClickAsync();
        await Expect(bruno).ToContainTextAsync("Desativado");

        await page.GetByTestId("logout").ClickAsync();
        await LogInAsync(page, "bruno", UiHost.DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Este usuário foi desativado. Fale com um administrador.");
    });
}
