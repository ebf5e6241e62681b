using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, item 6 (first part): the authorization matrix is generated from the OpenAPI document, so an endpoint added
/// tomorrow is in it without anyone remembering to list it. Who may see which record (media, tasks, tickets of another
/// team) is covered where those records are tested (e.g. MediaMessagesTests) and, for every endpoint that names a
/// conversation, media file, ticket or agent of another team, by <see cref="RecordScopeMatrixTests"/>; here: who may call at all.
/// </summary>
public sealed partial class AuthorizationMatrixTests() : HostTest(DatabaseKind.Sqlite)
{
    /// <summary>What answers without a login on purpose: signing in and out, and the sandbox phone's signed links (the link is the credential).</summary>
    private static bool IsPublic(Operation operation) =>
        (operation.Method == "POST" && operation.Path is "/api/v1/auth/login" or "/api/v1/auth/logout")
        || operation.Path.StartsWith("/api/v1/sandbox/links/", StringComparison.Ordinal);

    /// <summary>Admin business: people, keys, numbers and their secrets, plugins, the outbox and inbox failures, scheduled jobs, the audit log; template changes.</summary>
    private static bool IsAdminOnly(Operation operation) =>
        operation.Tags.Any(t => t is "Users" or "API keys" or "Channel accounts" or "Plugins" or "Outbox" or "Inbox" or "Scheduled jobs" or "Audit")
        || (operation.Tags.Contains("Templates") && operation.Method != "GET");

    [Fact]
    public async Task Every_documented_endpoint_refuses_an_anonymous_caller_unless_it_is_public_on_purpose()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 60, $"Only {operations.Count} operations documented: is the OpenAPI document complete?");
        // The exceptions name real endpoints: a renamed login would otherwise fall out of the list unnoticed.
        Assert.Equal(2, operations.Count(o => IsPublic(o) && o.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal)));

        var anonymous = Host.CreateClient();
        var wrong = new List<string>();
        foreach (var operation in operations.Where(o => !IsPublic(o)))
        {
            var response = await anonymous.SendAsync(operation.Request());
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{operation}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, "Answered an anonymous caller:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    public async Task Admin_business_is_refused_to_agents_and_supervisors_on_every_endpoint_that_has_it(string role)
    {
        await Host.CreateUserAsync("pessoa", role);
        var client = await Host.LoginAsync("pessoa", Arrange.Password);
        var operations = (await OperationsAsync()).Where(IsAdminOnly).ToList();
        Assert.True(operations.Count >= 20, $"Only {operations.Count} admin operations found: did a tag change?");

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var response = await client.SendAsync(operation.Request());
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{operation}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, $"Answered a {role}:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    /// <summary>
    /// Finding 6 named endpoints untested so far: they are in the generated matrix (anonymous refused; the admin ones
    /// refused to agents and supervisors). Which record each caller may see is tested with the records: media in
    /// MediaMessagesTests, tasks in the Leads tests, tickets in the Tickets tests.
    /// </summary>
    [Fact]
    public async Task The_endpoints_finding_6_named_are_in_the_matrix()
    {
        var operations = await OperationsAsync();
        var documented = operations.Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);
        string[] named =
        [
            "GET /api/v1/media/{id}", "GET /api/v1/tasks", "POST /api/v1/tasks/{id}/done", "GET /api/v1/outbox", "POST /api/v1/outbox/{id}/retry",
            "GET /api/v1/templates", "POST /api/v1/templates", "DELETE /api/v1/templates/{id}", "GET /api/v1/tickets", "POST /api/v1/tickets",
            "PATCH /api/v1/tickets/{number}", "GET /api/v1/audit",
        ];
        Assert.All(named, n => Assert.Contains(n, documented));
        var adminOnly = operations.Where(IsAdminOnly).Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(["GET /api/v1/outbox", "POST /api/v1/outbox/{id}/retry", "POST /api/v1/templates", "DELETE /api/v1/templates/{id}", "GET /api/v1/audit"]),
            adminOnly);
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await Host.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        return [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => method.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(method => new Operation(
                method.Key.ToUpperInvariant(),
                path.Key,
                method.Value!["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [])))];
    }

    private sealed record Operation(string Method, string Path, List<string> Tags)
    {
        /// <summary>Every route value a made-up id (a ticket number for <c>{number}</c>): a caller who is refused must be refused before anything is looked up.</summary>
        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), RouteValue().Replace(Path, value => value.Value == "{number}" ? "1" : Guid.CreateVersion7().ToString()));
            if (Method != "GET" && Method != "DELETE")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            return request;
        }

        public override string ToString() => $"{Method} {Path} [{string.Join(", ", Tags)}]";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
