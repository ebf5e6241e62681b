using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Ui;

/// <summary>The web UI's HTTP surface: login, language, logout and what it must leave to the API.</summary>
public abstract partial class WebUiTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    private HttpClient Browser() =>
        Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page_with_the_page_to_return_to()
    {
        var response = await Browser().GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_login_page_speaks_portuguese_until_english_is_chosen()
    {
        var browser = Browser();
        Assert.Contains("Entrar</h1>", await browser.GetStringAsync("/account/login"));

        var switched = await browser.GetAsync("/culture/set?culture=en&redirectUri=%2Faccount%2Flogin");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync("/account/login");
        Assert.Contains("Log in</h1>", page);
        Assert.Contains("<html lang=\"en\"", page);
    }

    [Fact]
    public async Task The_language_switch_returns_to_the_page_it_was_clicked_on()
    {
        var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture/set?culture=en");
        request.Headers.Referrer = new Uri(browser.BaseAddress!, "/history?page=2");

        var switched = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/history?page=2", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_ignores_a_referer_from_another_site()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture/set?culture=en");
        request.Headers.Referrer = new Uri("https://evil.example/phish");

        var switched = await Browser().SendAsync(request);

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_never_redirects_to_another_site(string target)
    {
        var response = await Browser().GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(target)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_a_problem()
    {
        var response = await Browser().GetAsync("/culture/set?culture=xx&redirectUri=%2F");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_culture", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task The_login_form_signs_in_and_returns_to_the_page_asked_for()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/account/login?ReturnUrl=%2Ftickets");

        var response = await browser.PostAsync("/account/login?ReturnUrl=%2Ftickets", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.UserName"] = "Ana",
            ["Input.Password"] = "demo1234",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/tickets", response.Headers.Location?.OriginalString);
        var me = await browser.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal("Ana Atendente", (string?)me["name"]);
        Assert.Equal("agent", (string?)me["role"]);
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_shows_a_readable_error_and_no_session()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/account/login");

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.UserName"] = "ana",
            ["Input.Password"] = "wrong-password",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Login ou senha incorretos.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_needs_the_antiforgery_token_and_then_ends_the_session()
    {
        var browser = Browser();
        var login = await browser.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = "demo1234" }));
        login.EnsureSuccessStatusCode();

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);

        var page = await browser.GetStringAsync("/");
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/account/login", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_browser_asking_for_an_unknown_page_gets_an_html_page_and_an_api_client_a_problem()
    {
        var browser = Browser();
        using var asBrowser = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        asBrowser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var page = await browser.SendAsync(asBrowser);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Página não encontrada", html);
        Assert.Contains("rel=\"icon\"", html);

        using var asClient = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        asClient.Headers.Accept.ParseAdd("application/json");
        var problem = await browser.SendAsync(asClient);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Browsers_asking_for_the_classic_favicon_get_the_icon()
    {
        var response = await Browser().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_health_swagger_and_webhooks_are_not_answered_by_the_ui()
    {
        var browser = Browser();

        var api = await browser.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live")).StatusCode);
        var swagger = await browser.GetAsync("/swagger/v1/swagger.json");
        Assert.True(swagger.IsSuccessStatusCode, await swagger.Content.ReadAsStringAsync());
        Assert.Equal("application/json", swagger.Content.Headers.ContentType?.MediaType);
        var webhook = await browser.PostAsync("/webhooks/00000000-0000-0000-0000-000000000000", new StringContent("{}"));
        Assert.NotEqual("text/html", webhook.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.Redirect, webhook.StatusCode);
    }

    private static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class WebUiTestsOnSqlite() : WebUiTests(DatabaseKind.Sqlite);

public sealed class WebUiTestsOnPostgres() : WebUiTests(DatabaseKind.Postgres);
