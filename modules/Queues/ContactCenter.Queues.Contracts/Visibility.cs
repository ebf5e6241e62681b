using System.Linq.Expressions;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Queues.Contracts;

/// <summary>How much of one kind of record a caller sees.</summary>
public enum Sight
{
    Nothing,

    /// <summary>Assigned to them, or unassigned in one of their teams (what the team's pool offers).</summary>
    OwnAndTeamPool,

    /// <summary>Assigned to them, or in one of their teams whoever has it.</summary>
    OwnAndTeams,

    Everything,
}

/// <summary>
/// THE visibility rule, one row per kind of record: admins (users and API keys) see everything; supervisors and agents
/// as the row says. API keys below admin belong to no team and are assigned nothing, so they see only what their row
/// gives them in full (a supervisor key every contact and task, no conversation).
/// </summary>
public sealed record VisibilityRule(Sight Supervisor, Sight Agent)
{
    /// <summary>A supervisor their teams' (and any assigned to them); an agent theirs plus their teams' pool.</summary>
    public static readonly VisibilityRule Conversations = new(Sight.OwnAndTeams, Sight.OwnAndTeamPool);

    /// <summary>Supervisors every task; an agent theirs plus the unassigned ones of their teams (as the conversation pool).</summary>
    public static readonly VisibilityRule LeadTasks = new(Sight.Everything, Sight.OwnAndTeamPool);

    /// <summary>Supervisors every contact; an agent the contacts they own and every contact of their teams.</summary>
    public static readonly VisibilityRule Contacts = new(Sight.Everything, Sight.OwnAndTeams);

    /// <summary>Supervisors and agents the tickets of their teams (and any assigned to them): a ticket is team work, not a pool.</summary>
    public static readonly VisibilityRule Tickets = new(Sight.OwnAndTeams, Sight.OwnAndTeams);

    /// <summary>What a caller of <paramref name="role"/> sees of this kind (null: not signed in).</summary>
    public Sight SightOf(Role? role) => role switch
    {
        null => Sight.Nothing,
        Role.Admin => Sight.Everything,
        Role.Supervisor => Supervisor,
        _ => Agent,
    };
}

/// <summary>
/// A module's reader of one kind of record under the rule: it names the rule's row, the column that says who has a
/// record (its agent or owner) and the record's team; every read of those records goes through <see cref="ApplyAsync"/>.
/// </summary>
public abstract class RecordVisibility<T>(
    ICurrentUser caller, VisibilityRule rule, Expression<Func<T, Guid?>> assignee, Expression<Func<T, Guid?>> team)
{
    public async Task<IQueryable<T>> ApplyAsync(IQueryable<T> records, CancellationToken cancellationToken) =>
        (await VisibilityScope.OfAsync(caller, rule, cancellationToken)).Apply(records, assignee, team);
}

/// <summary>
/// What one caller sees of one kind of record, resolved once per read (<see cref="OfAsync"/>). Each module applies it
/// to its own records (<see cref="Apply{T}"/>), naming the column that says who has a record and the one of its team.
/// </summary>
public sealed class VisibilityScope(Sight sight, Guid userId, IEnumerable<Guid> teamIds)
{
    private readonly List<Guid?> _teamIds = [.. teamIds.Select(id => (Guid?)id)];

    public Sight Sight { get; } = sight;

    public Guid UserId { get; } = userId;

    public IReadOnlyList<Guid?> TeamIds => _teamIds;

    /// <summary>
    /// The caller's scope for <paramref name="rule"/>. Teams are read (from the caller, which loads them once per
    /// request) only when the sight depends on them, and never for an API key (keys belong to no team).
    /// </summary>
    public static async Task<VisibilityScope> OfAsync(ICurrentUser caller, VisibilityRule rule, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated || caller.UserId is not { } userId || caller.Role is not { } role)
        {
            return new VisibilityScope(Sight.Nothing, Guid.Empty, []);
        }

        var sight = rule.SightOf(role);
        var byTeam = (sight is Sight.OwnAndTeams or Sight.OwnAndTeamPool) && !caller.IsApiKey;
        return new VisibilityScope(sight, userId, byTeam ? await caller.GetTeamIdsAsync(cancellationToken) : []);
    }

    /// <summary>
    /// The records of <paramref name="records"/> this caller sees; <paramref name="assignee"/> says who has a record
    /// (its agent or owner), <paramref name="team"/> its team. A filter the database runs.
    /// </summary>
    public IQueryable<T> Apply<T>(IQueryable<T> records, Expression<Func<T, Guid?>> assignee, Expression<Func<T, Guid?>> team)
    {
        var (userId, teamIds) = (UserId, _teamIds);
        Expression<Func<Guid?, Guid?, bool>>? sees = Sight switch
        {
            Sight.Everything => null,
            Sight.OwnAndTeams => (assigned, teamId) => assigned == userId || teamIds.Contains(teamId),
            Sight.OwnAndTeamPool => (assigned, teamId) => assigned == userId || (assigned == null && teamIds.Contains(teamId)),
            _ => (_, _) => false,
        };
        return sees is null ? records : records.Where(Bind(sees, assignee, team));
    }

    /// <summary><c>x => sees(assignee(x), team(x))</c>, inlined so the database runs it.</summary>
    private static Expression<Func<T, bool>> Bind<T>(
        Expression<Func<Guid?, Guid?, bool>> sees, Expression<Func<T, Guid?>> assignee, Expression<Func<T, Guid?>> team)
    {
        var record = assignee.Parameters[0];
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [sees.Parameters[0]] = assignee.Body,
            [sees.Parameters[1]] = new Substitute(new Dictionary<ParameterExpression, Expression> { [team.Parameters[0]] = record }).Visit(team.Body),
        }).Visit(sees.Body);
        return Expression.Lambda<Func<T, bool>>(body, record);
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }
}
