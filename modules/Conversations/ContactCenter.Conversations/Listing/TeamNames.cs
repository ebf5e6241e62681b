using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Listing;

/// <summary>The names a list shows beside ids: teams by id and people (team members) by user id, read once from Queues.</summary>
internal static class TeamNames
{
    public static async Task<(Dictionary<Guid, string> Teams, Dictionary<Guid, string> People)> LoadAsync(IQueuesApi queues, CancellationToken cancellationToken)
    {
        var teams = await queues.ListTeamsAsync(cancellationToken);
        return (
            teams.ToDictionary(t => t.Id, t => t.Name),
            teams.SelectMany(t => t.Members).DistinctBy(m => m.UserId).ToDictionary(m => m.UserId, m => m.DisplayName));
    }
}
