using ContactCenter.Ui.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Ui.Tests;

public sealed class ShellTests(UiFixture fixture) : UiTest(fixture)
{
    [Fact]
    public Task The_admin_logs_in_after_a_wrong_password_and_sees_the_layout() => InBrowserAsync(async page =>
    {
        await LogInAsync(page, "admin", "not-the-password");
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Login ou senha incorretos.");
        await ScreenshotAsync(page, "page-login-error");

        await LogInAsync(page, "admin", UiHost.DemoPassword);
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Administrador Demo");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("nav-inbox")).ToContainTextAsync("Caixa de entrada");
        await Expect(page.GetByTestId("nav-users")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "page-inbox");
    });
}
