using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, finding 1: wrong passwords slow down whoever types them, from where they type them, and nobody else.
/// Unknown users, wrong passwords and held attempts get the same answer, so logins cannot be probed.
/// </summary>
public sealed class LoginThrottleTests() : HostTest(DatabaseKind.Sqlite)
{
    private const string Attacker = "203.0.113.9";

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_keep_the_user_out_from_another_address_or_a_known_device()
    {
        await Host.CreateUserAsync("rita", "admin");
        var ritasBrowser = Browser("198.51.100.20");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(ritasBrowser, "rita", Arrange.Password)).Status);
        var attacker = Browser(Attacker);

        for (var i = 0; i < 12; i++)
        {
            await LoginAsync(attacker, "rita", "wrong-password");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, "rita", Arrange.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Browser("192.0.2.77"), "rita", Arrange.Password)).Status);
        // Rita's own browser, even from the attacker's address (one office, one NAT), was seen to log in before.
        ritasBrowser.DefaultRequestHeaders.Remove(TestHost.ClientAddressHeader);
        ritasBrowser.DefaultRequestHeaders.Add(TestHost.ClientAddressHeader, Attacker);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(ritasBrowser, "rita", Arrange.Password)).Status);
    }

    [Fact]
    public async Task Each_failure_past_the_first_few_holds_the_next_attempt_longer()
    {
        await Host.CreateUserAsync("rita", "agent");
        var attacker = Browser(Attacker);
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(attacker, "rita", "wrong-password");
        }

        // The 4th failure holds for a second: the right password now is answered like a wrong one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, "rita", Arrange.Password)).Status);
        Host.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await LoginAsync(attacker, "rita", "wrong-password"); // the 5th: two seconds
        Host.Clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, "rita", Arrange.Password)).Status);
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(attacker, "rita", Arrange.Password)).Status);
    }

    [Fact]
    public async Task One_address_trying_many_names_is_held_for_every_name()
    {
        await Host.CreateUserAsync("rita", "agent");
        var sprayer = Browser(Attacker);
        for (var i = 0; i < 25; i++)
        {
            await LoginAsync(sprayer, $"user{i}", "Senha123");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(sprayer, "rita", Arrange.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Browser("192.0.2.77"), "rita", Arrange.Password)).Status);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_held_attempt_get_the_same_answer_in_similar_time()
    {
        await Host.CreateUserAsync("rita", "agent");
        var held = Browser(Attacker);
        for (var i = 0; i < 6; i++)
        {
            await LoginAsync(held, "rita", "wrong-password");
        }

        var unknown = new List<(HttpStatusCode, string, TimeSpan)>();
        var wrong = new List<(HttpStatusCode, string, TimeSpan)>();
        var throttled = new List<(HttpStatusCode, string, TimeSpan)>();
        for (var i = 0; i < 5; i++)
        {
            // Each from an address of its own, so only the held one is held.
            unknown.Add(await TimedAsync(Browser($"192.0.2.{10 + i}"), "nobody", "wrong-password"));
            wrong.Add(await TimedAsync(Browser($"192.0.2.{20 + i}"), "rita", "wrong-password"));
            throttled.Add(await TimedAsync(held, "rita", Arrange.Password));
        }

        var answers = unknown.Concat(wrong).Concat(throttled).Select(a => (a.Item1, a.Item2)).Distinct().ToList();
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_credentials|The login name or password is wrong."), Assert.Single(answers));
        // Checking a password costs a hash; an unknown name or a held attempt pays the same instead of answering at once.
        var typical = Median(wrong);
        Assert.True(Median(unknown) > typical / 4, $"unknown user {Median(unknown).TotalMilliseconds} ms vs wrong password {typical.TotalMilliseconds} ms");
        Assert.True(Median(throttled) > typical / 4, $"held attempt {Median(throttled).TotalMilliseconds} ms vs wrong password {typical.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Every_hold_is_logged_as_a_security_event_naming_the_login_and_the_address()
    {
        await Host.CreateUserAsync("rita", "agent");
        var attacker = Browser(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(attacker, "rita", "wrong-password");
        }

        var log = await ReadLogAsync();
        Assert.Contains(log.Split('\n'), line => line.Contains("login_throttled", StringComparison.Ordinal)
            && line.Contains("rita", StringComparison.Ordinal) && line.Contains(Attacker, StringComparison.Ordinal));
        Assert.Contains(log.Split('\n'), line => line.Contains("login_held", StringComparison.Ordinal)
            && line.Contains(Attacker, StringComparison.Ordinal));
    }

    private HttpClient Browser(string address)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestHost.ClientAddressHeader, address);
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Answer)> LoginAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (response.StatusCode, string.Empty);
        }

        var problem = JsonNode.Parse(body)!;
        return (response.StatusCode, $"{(string?)problem["code"]}|{(string?)problem["detail"]}");
    }

    private static async Task<(HttpStatusCode, string, TimeSpan)> TimedAsync(HttpClient client, string userName, string password)
    {
        var watch = Stopwatch.StartNew();
        var (status, answer) = await LoginAsync(client, userName, password);
        return (status, answer, watch.Elapsed);
    }

    private static TimeSpan Median(List<(HttpStatusCode, string, TimeSpan Elapsed)> runs) =>
        runs.Select(r => r.Elapsed).Order().ElementAt(runs.Count / 2);

    private async Task<string> ReadLogAsync()
    {
        var logFile = Directory.GetFiles(Path.Combine(Host.Database.DataDirectory, "logs"), "contactcenter-*.log").Single();
        await using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
