using System.Net;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Domain;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Conversations;

public abstract class ConversationListTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Pages_follow_the_latest_activity_without_repeating_or_skipping_ties()
    {
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        // Three share one instant: only the id orders them, which the cursor must respect.
        var expected = new[]
        {
            await InsertAsync("A", lastMessageAt: now),
            await InsertAsync("B", lastMessageAt: now.AddMinutes(-1)),
            await InsertAsync("C", lastMessageAt: now.AddMinutes(-1)),
            await InsertAsync("D", lastMessageAt: now.AddMinutes(-1)),
            await InsertAsync("E", lastMessageAt: now.AddMinutes(-9)),
        };
        var admin = Host.CreateAdminClient();

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/conversations?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["contact"]!["name"]!));
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal("A", seen[0]);
        Assert.Equal("E", seen[^1]);
        Assert.Equal(expected.Length, seen.Count);
    }

    [Fact]
    public async Task Search_matches_the_contact_name_ignoring_case_or_part_of_the_phone()
    {
        await InsertAsync("Maria Souza", phone: "5511988887777");
        await InsertAsync("João Lima", phone: "5521977776666");
        var admin = Host.CreateAdminClient();

        Assert.Equal(["Maria Souza"], await NamesAsync(admin, "search=maria"));
        Assert.Equal(["João Lima"], await NamesAsync(admin, "search=" + Uri.EscapeDataString("+55 21 97777")));
        Assert.Equal(["João Lima"], await NamesAsync(admin, "search=" + Uri.EscapeDataString("João")));
        Assert.Empty(await NamesAsync(admin, "search=pedro"));
    }

    [Fact]
    public async Task Filters_narrow_by_status_team_agent_and_period()
    {
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var team = Guid.NewGuid();
        var agent = Guid.NewGuid();
        await InsertAsync("Old", lastMessageAt: now.AddDays(-3), status: ConversationStatus.Finished);
        await InsertAsync("Team", teamId: team);
        await InsertAsync("Agent", agentId: agent, status: ConversationStatus.AwaitingContact);
        var admin = Host.CreateAdminClient();
        var from = Uri.EscapeDataString(now.AddDays(-4).ToString("O"));
        var to = Uri.EscapeDataString(now.AddDays(-2).ToString("O"));

        Assert.Equal(["Old"], await NamesAsync(admin, "status=finished"));
        Assert.Equal(["Agent"], await NamesAsync(admin, "status=awaitingContact"));
        Assert.Equal(["Team"], await NamesAsync(admin, $"teamId={team}"));
        Assert.Equal(["Agent"], await NamesAsync(admin, $"agentId={agent}"));
        Assert.Equal(["Old"], await NamesAsync(admin, $"from={from}&to={to}"));
    }

    [Fact]
    public async Task Bad_filters_are_reported_as_field_errors()
    {
        var response = await Host.CreateAdminClient().GetAsync("/api/v1/conversations?status=open&cursor=zzz&limit=0");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("status"));
        Assert.True(errors.ContainsKey("cursor"));
        Assert.True(errors.ContainsKey("limit"));
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync($"/api/v1/conversations?{query}"))["items"]!.AsArray()
            .Select(i => (string)i!["contact"]!["name"]!)
            .ToList();

    private async Task<Guid> InsertAsync(
        string name,
        string phone = "5511999990000",
        DateTime? lastMessageAt = null,
        Guid? teamId = null,
        Guid? agentId = null,
        ConversationStatus status = ConversationStatus.AwaitingAgent)
    {
        var at = lastMessageAt ?? Host.Clock.GetUtcNow().UtcDateTime;
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var conversation = new Conversation
        {
            ContactId = Guid.NewGuid(),
            ContactName = name,
            ContactPhone = phone,
            ChannelAccountId = Guid.NewGuid(),
            TeamId = teamId,
            CreatedAt = at,
            LastMessageAt = at,
            WindowClosesAt = at.AddHours(24),
        };
        conversation.ApplyRouting(teamId, agentId, at, null); // what routing would have copied
        conversation.Status = status;
        db.Set<Conversation>().Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }
}

public sealed class ConversationListTestsOnSqlite() : ConversationListTests(DatabaseKind.Sqlite);

public sealed class ConversationListTestsOnPostgres() : ConversationListTests(DatabaseKind.Postgres);
