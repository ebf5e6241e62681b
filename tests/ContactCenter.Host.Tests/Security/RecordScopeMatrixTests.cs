using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactCenter.Host.Tests.Inbound;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;

namespace ContactCenter.Host.Tests.Security;

/// <summary>
/// Issue 13, item 6 (second part): the record-level cells of the authorization matrix, generated from the OpenAPI
/// document like <see cref="AuthorizationMatrixTests"/>. Team A (Comercial) has a conversation with a picture, assigned
/// to its agent Ana, and a ticket; an agent and a supervisor of team B (Suporte) call every documented endpoint whose
/// route names a conversation, a media file, a ticket or an agent — with team A's record in the route — and must be
/// answered exactly as for a record that does not exist (docs/security.md: another team's records are <c>404</c>): the
/// same status, problem code or body — nothing that would tell them the record is there, let alone what it holds.
/// </summary>
public sealed partial class RecordScopeMatrixTests() : InboundTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task Another_teams_conversations_media_tickets_and_agents_answer_as_if_they_did_not_exist()
    {
        var account = await CreateAccountAsync();
        var (_, ana) = await AgentAsync("ana", account);
        Graph.Files["media-fachada"] = ("fachada"u8.ToArray(), "image/jpeg");
        await PostWebhookAsync(account, Envelope(Inner("wamid.pic", "image", """{"id":"media-fachada","mime_type":"image/jpeg","caption":"A fachada"}""")));
        await ProcessAsync();
        var message = await SingleMessageAsync("wamid.pic");
        var records = new Records(
            Conversation: (string)message["conversationId"]!,
            Media: ((string)message["media"]!["url"]!).Split('/')[^1],
            Ticket: await TicketAsync((string)message["conversationId"]!, (string)message["id"]!),
            Agent: ana.ToString());
        await ApprovedTemplateAsync(account);
        // What team A's records hold is there to be seen by those who may: the cells below can fail.
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateAdminClient().GetAsync($"/api/v1/media/{records.Media}")).StatusCode);
        Assert.NotEmpty((await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{records.Conversation}/templates")).AsArray());

        var suporte = await Host.CreateTeamAsync("Suporte");
        await Host.SetMembersAsync(suporte, await Host.CreateUserAsync("carla", "agent"), await Host.CreateUserAsync("bea", "supervisor"));
        var operations = (await OperationsAsync()).Where(o => o.NamesARecord).ToList();
        Assert.True(operations.Count >= 15, $"Only {operations.Count} record operations found: did the routes change?");

        var cells = 0;
        var wrong = new List<string>();
        foreach (var (role, userName) in new[] { ("agent", "carla"), ("supervisor", "bea") })
        {
            var client = await Host.LoginAsync(userName, Arrange.Password);
            foreach (var operation in operations)
            {
                var theirs = await AnswerAsync(client, operation.Request(records));
                var nobodys = await AnswerAsync(client, operation.Request(Records.MadeUp()));
                cells++;
                if (theirs != nobodys)
                {
                    wrong.Add($"{role} of team B, {operation}: {theirs} for team A's record, {nobodys} for none");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cells} cells reached team A's records:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    private async Task<string> TicketAsync(string conversation, string message)
    {
        var (created, ticket) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/tickets", new { title = "Boleto em dobro", conversationId = conversation, messageIds = new[] { message } });
        Assert.True(created.IsSuccessStatusCode, ticket.ToJsonString());
        return ticket["ticket"]!["number"]!.ToString();
    }

    private static async Task<Answer> AnswerAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? new Answer(response.StatusCode, (string?)JsonNode.Parse(body)?["code"])
            : new Answer(response.StatusCode, body); // a success must carry nothing of the record either (e.g. an empty list)
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await Host.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        return [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => method.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(method => new Operation(method.Key.ToUpperInvariant(), path.Key)))];
    }

    /// <summary>The status and the problem code (or, for anything else, the whole body).</summary>
    private sealed record Answer(HttpStatusCode Status, string? Code)
    {
        public override string ToString() => $"{(int)Status} {Code}";
    }

    /// <summary>Team A's records, by the route value that names each kind.</summary>
    private sealed record Records(string Conversation, string Media, string Ticket, string Agent)
    {
        public static Records MadeUp() =>
            new(Guid.CreateVersion7().ToString(), Guid.CreateVersion7().ToString(), "987654", Guid.CreateVersion7().ToString());
    }

    private sealed record Operation(string Method, string Path)
    {
        private const string Unknown = "0197c0de-0000-7000-8000-000000000001";

        /// <summary>Routes whose first value names a conversation, a media file, a ticket or an agent.</summary>
        public bool NamesARecord => Kind is not null;

        private string? Kind => Path switch
        {
            _ when Path.StartsWith("/api/v1/conversations/{", StringComparison.Ordinal) => "conversation",
            _ when Path.StartsWith("/api/v1/media/{", StringComparison.Ordinal) => "media",
            _ when Path.StartsWith("/api/v1/tickets/{", StringComparison.Ordinal) => "ticket",
            _ when Path.StartsWith("/api/v1/agents/{", StringComparison.Ordinal) => "agent",
            _ => null,
        };

        /// <summary>The route's first value is the record; a body of <c>{}</c> for the methods that take one (validation
        /// that does not depend on the record answers alike for both, and is no leak).</summary>
        public HttpRequestMessage Request(Records records)
        {
            var value = Kind switch
            {
                "conversation" => records.Conversation,
                "media" => records.Media,
                "ticket" => records.Ticket,
                _ => records.Agent,
            };
            // Any further route value (a message of the conversation…) is the same made-up id in both calls compared.
            var url = RouteValue().Replace(RouteValue().Replace(Path, value, 1), Unknown);
            var request = new HttpRequestMessage(new HttpMethod(Method), url);
            if (Method != "GET" && Method != "DELETE")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            return request;
        }

        public override string ToString() => $"{Method} {Path}";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
