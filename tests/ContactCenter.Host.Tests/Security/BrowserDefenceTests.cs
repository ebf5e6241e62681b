using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, findings 2 and 3: another site cannot act with a signed-in user's cookie, pages cannot be framed or run
/// injected inline script, and the session cookie is Secure whenever the browser spoke HTTPS, proxy or not.
/// </summary>
public sealed partial class BrowserDefenceTests() : HostTest(DatabaseKind.Sqlite)
{
    private const string Proxy = "10.0.0.2";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["ContactCenter:KnownProxies:0"] = Proxy,
    };

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task A_forged_logout_from_another_site_is_refused_and_the_session_survives(string header, string value)
    {
        await Host.CreateUserAsync("ana", "agent");
        var ana = await Host.LoginAsync("ana", Arrange.Password);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        forged.Headers.Add(header, value);
        var response = await ana.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_request", (string?)(await response.ReadJsonAsync())["code"]);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_cross_site_change_with_the_cookie_is_refused_but_the_same_page_and_api_keys_go_through()
    {
        var ana = await Host.CreateUserAsync("ana", "agent");
        var client = await Host.LoginAsync("ana", Arrange.Password);

        using var forged = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agents/{ana}/presence") { Content = JsonContent.Create(new { presence = "available" }) };
        forged.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(forged)).StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agents/{ana}/presence") { Content = JsonContent.Create(new { presence = "available" }) };
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);

        // An integration authenticates each request itself: no browser can be tricked into sending its key.
        using var integration = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams") { Content = JsonContent.Create(new { name = "Integração" }) };
        integration.Headers.Add("Origin", "https://crm.example");
        Assert.Equal(HttpStatusCode.Created, (await Host.CreateAdminClient().SendAsync(integration)).StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/auth/me")]
    public async Task Responses_carry_the_security_headers(string url)
    {
        var response = await Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_the_policy_would_block()
    {
        var html = await Host.CreateClient().GetStringAsync("/account/login");

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=", tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_session_cookie_is_secure_when_the_known_proxy_says_the_browser_used_https()
    {
        await Host.CreateUserAsync("ana", "agent");

        var viaProxy = await LoginSetCookieAsync(Proxy, "https");
        var forgedByClient = await LoginSetCookieAsync("192.0.2.50", "https");
        var plainHttp = await LoginSetCookieAsync(Proxy, "http");

        Assert.Contains("secure", viaProxy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", viaProxy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", viaProxy, StringComparison.OrdinalIgnoreCase);
        // Only the configured proxy is believed: anyone else claiming https is ignored.
        Assert.DoesNotContain("secure", forgedByClient, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plainHttp, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> LoginSetCookieAsync(string from, string proto)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "ana", password = Arrange.Password }) };
        request.Headers.Add(TestHost.ClientAddressHeader, from);
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", "198.51.100.99");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.auth=", StringComparison.Ordinal));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
