using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Domain;

internal sealed class Team
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Upper-cased name with a unique index: names are unique regardless of case, on every provider.</summary>
    public required string NormalizedName { get; set; }

    public string? Description { get; set; }

    public TeamRoutingMode RoutingMode { get; set; }

    public DateTime CreatedAt { get; init; }

    public List<TeamMember> Members { get; init; } = [];

    public List<TeamChannelAccount> ChannelAccounts { get; init; } = [];

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}

/// <summary>An agent or supervisor in a team (the role is the user's, read from Identity).</summary>
internal sealed class TeamMember
{
    public Guid TeamId { get; init; }

    public Guid UserId { get; init; }
}

/// <summary>
/// A channel account (business number) the team serves; creating and editing a team checks it exists. Transfers
/// to a team not linked to the conversation's channel account are refused (routing work).
/// </summary>
internal sealed class TeamChannelAccount
{
    public Guid TeamId { get; init; }

    public Guid ChannelAccountId { get; init; }
}
