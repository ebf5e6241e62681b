namespace ContactCenter.Kernel.Identity;

/// <summary>
/// Who belongs to which team, for <see cref="ICurrentUser.GetTeamIdsAsync"/>. Implemented by the module that owns teams
/// (Queues): every module reads the caller's teams from the caller, never by asking that module again per read.
/// </summary>
public interface ITeamMembership
{
    /// <summary>The teams the user is a member of; empty for unknown ids.</summary>
    Task<IReadOnlyList<Guid>> TeamIdsOfAsync(Guid userId, CancellationToken cancellationToken);
}
