using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Errors;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;

namespace ContactCenter.Queues.Teams;

/// <summary>The field rules shared by creating and editing a team.</summary>
internal static class TeamRules
{
    public static void CheckName(Validator validator, string? name)
    {
        validator.Require("name", name, "A team name is required.");
        validator.Check((name?.Trim().Length ?? 0) <= 100, "name", "Use at most 100 characters.");
    }

    public static void CheckDescription(Validator validator, string? description) =>
        validator.Check((description?.Trim().Length ?? 0) <= 1000, "description", "Use at most 1000 characters.");

    public static void CheckRoutingMode(Validator validator, TeamRoutingMode? mode) =>
        validator.Check(mode is null || Enum.IsDefined(mode.Value), "routingMode", "The routing mode must be auto or pool.");

    /// <summary>A team answers only on channel accounts that exist (transfers between teams rely on these links).</summary>
    public static async Task CheckChannelAccountsAsync(
        Validator validator, IReadOnlyList<Guid>? ids, IChannelsApi channels, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            return;
        }

        var known = (await channels.ListAccountsAsync(cancellationToken)).Select(a => a.Id).ToHashSet();
        foreach (var unknown in ids.Where(id => !known.Contains(id)).Distinct())
        {
            validator.Add("channelAccountIds", $"There is no channel account {unknown}.");
        }
    }

    public static string? CleanDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public static void ReplaceChannelAccounts(Team team, IReadOnlyList<Guid> ids)
    {
        var wanted = ids.ToHashSet();
        team.ChannelAccounts.RemoveAll(c => !wanted.Contains(c.ChannelAccountId));
        foreach (var id in wanted.Where(id => team.ChannelAccounts.All(c => c.ChannelAccountId != id)))
        {
            team.ChannelAccounts.Add(new TeamChannelAccount { TeamId = team.Id, ChannelAccountId = id });
        }
    }

    public static Error NameTaken(string name) =>
        Error.Conflict("team_name_taken", $"A team named '{name.Trim()}' already exists.");
}
