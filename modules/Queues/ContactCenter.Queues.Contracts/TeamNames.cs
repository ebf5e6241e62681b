namespace ContactCenter.Queues.Contracts;

/// <summary>The names lists show beside ids: teams by id, and people (team members) by user id.</summary>
public sealed record TeamNames(IReadOnlyDictionary<Guid, string> Teams, IReadOnlyDictionary<Guid, string> People)
{
    public void Deconstruct(out IReadOnlyDictionary<Guid, string> teams, out IReadOnlyDictionary<Guid, string> people) =>
        (teams, people) = (Teams, People);
}

public static class TeamNamesExtensions
{
    /// <summary>Every team's and team member's name, read once for a whole list (one call, not one per row).</summary>
    public static async Task<TeamNames> LoadNamesAsync(this IQueuesApi queues, CancellationToken cancellationToken)
    {
        var teams = await queues.ListTeamsAsync(cancellationToken);
        return new TeamNames(
            teams.ToDictionary(t => t.Id, t => t.Name),
            teams.SelectMany(t => t.Members).DistinctBy(m => m.UserId).ToDictionary(m => m.UserId, m => m.DisplayName));
    }
}
