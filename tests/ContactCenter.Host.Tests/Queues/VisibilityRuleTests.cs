using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Host.Tests.Queues;

/// <summary>
/// The visibility rule's table, in memory: for each kind of record and each caller (role, user or API key), exactly
/// which of six records they see. The same scope filters conversations, lead tasks and contacts in the database (the
/// modules' own tests read them through the API on SQLite and PostgreSQL).
/// </summary>
public sealed class VisibilityRuleTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();
    private static readonly Guid MyTeam = Guid.NewGuid();
    private static readonly Guid OtherTeam = Guid.NewGuid();

    /// <summary>One record of each kind the rule tells apart: who has it, and its team.</summary>
    private static readonly Row[] Rows =
    [
        new("mine in my team", Me, MyTeam),
        new("mine elsewhere", Me, OtherTeam),
        new("my team's pool", null, MyTeam),
        new("my colleague's", Colleague, MyTeam),
        new("another team's pool", null, OtherTeam),
        new("no team", null, null),
    ];

    public static TheoryData<string, Role?, bool, string[]> Table => new()
    {
        // Conversations: a supervisor their teams' and theirs; an agent theirs plus their teams' pool.
        { "conversations", Role.Admin, false, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's", "another team's pool", "no team"] },
        { "conversations", Role.Supervisor, false, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's"] },
        { "conversations", Role.Agent, false, ["mine in my team", "mine elsewhere", "my team's pool"] },
        { "conversations", Role.Admin, true, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's", "another team's pool", "no team"] },
        { "conversations", Role.Supervisor, true, [] },
        { "conversations", Role.Agent, true, [] },
        { "conversations", null, false, [] },

        // Lead tasks: supervisors all; an agent theirs plus their teams' unassigned ones.
        { "tasks", Role.Supervisor, false, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's", "another team's pool", "no team"] },
        { "tasks", Role.Agent, false, ["mine in my team", "mine elsewhere", "my team's pool"] },
        { "tasks", Role.Supervisor, true, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's", "another team's pool", "no team"] },
        { "tasks", Role.Agent, true, [] },
        { "tasks", null, false, [] },

        // Contacts: supervisors all; an agent those they own and every contact of their teams.
        { "contacts", Role.Supervisor, false, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's", "another team's pool", "no team"] },
        { "contacts", Role.Agent, false, ["mine in my team", "mine elsewhere", "my team's pool", "my colleague's"] },
        { "contacts", Role.Agent, true, [] },
        { "contacts", null, false, [] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_caller_sees_exactly_their_share_of_each_kind(string kind, Role? role, bool apiKey, string[] expected)
    {
        var rule = kind switch
        {
            "conversations" => VisibilityRule.Conversations,
            "tasks" => VisibilityRule.LeadTasks,
            _ => VisibilityRule.Contacts,
        };
        var caller = new Caller(role, apiKey ? Guid.NewGuid() : Me, apiKey, MyTeam);

        // An API key's id is its own, never a user's: it is assigned nothing, so give it none of the rows.
        var scope = await VisibilityScope.OfAsync(caller, rule, default);
        var seen = scope.Apply(Rows.AsQueryable(), r => r.Assignee, r => r.Team).Select(r => r.Name).ToArray();

        Assert.Equal(expected, seen);
        var needsTeams = !apiKey && rule.SightOf(role) is Sight.OwnAndTeams or Sight.OwnAndTeamPool;
        Assert.Equal(needsTeams ? 1 : 0, caller.Asked); // teams are read only when the answer depends on them
    }

    private sealed record Row(string Name, Guid? Assignee, Guid? Team);

    /// <summary>The caller, with the teams its request resolved (counted: the rule must not ask when it does not need them).</summary>
    private sealed class Caller(Role? role, Guid id, bool apiKey, params Guid[] teams) : ICurrentUser
    {
        public int Asked { get; private set; }

        public bool IsAuthenticated => role is not null;

        public Guid? UserId => role is null ? null : id;

        public string? DisplayName => null;

        public Role? Role => role;

        public bool IsApiKey => apiKey;

        public Task<IReadOnlyList<Guid>> GetTeamIdsAsync(CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult<IReadOnlyList<Guid>>(apiKey || id != Me ? [] : teams);
        }
    }
}
