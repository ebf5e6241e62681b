using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Contacts;

/// <summary>
/// THE contact visibility rule: admins and supervisors see every contact; an agent the contacts they own and those of
/// their teams. API keys below admin/supervisor belong to no team and own nobody, so they see nothing.
/// </summary>
internal sealed class ContactVisibility(ICurrentUser caller, IQueuesApi queues)
{
    public async Task<IQueryable<Contact>> ApplyAsync(IQueryable<Contact> contacts, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated || caller.UserId is not { } userId || caller.Role is not { } role)
        {
            return contacts.Where(_ => false);
        }

        if (role.Satisfies(Role.Supervisor))
        {
            return contacts;
        }

        List<Guid?> teamIds = caller.IsApiKey
            ? []
            : [.. (await queues.GetTeamIdsOfAsync(userId, cancellationToken)).Select(id => (Guid?)id)];
        return contacts.Where(c => c.OwnerAgentId == userId || teamIds.Contains(c.TeamId));
    }

    public async Task<bool> CanSeeAsync(Contact contact, CancellationToken cancellationToken) =>
        (await ApplyAsync(new[] { contact }.AsQueryable(), cancellationToken)).Any();
}
