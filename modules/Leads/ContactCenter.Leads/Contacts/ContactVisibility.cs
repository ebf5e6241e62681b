using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Leads.Contacts;

/// <summary>
/// Who sees which contacts: the rule's contacts row (<see cref="VisibilityRule.Contacts"/>: admins and supervisors all,
/// an agent the contacts they own and those of their teams, API keys below supervisor none).
/// </summary>
internal sealed class ContactVisibility(ICurrentUser caller)
    : RecordVisibility<Contact>(caller, VisibilityRule.Contacts, c => c.OwnerAgentId, c => c.TeamId)
{
    public async Task<bool> CanSeeAsync(Contact contact, CancellationToken cancellationToken) =>
        (await ApplyAsync(new[] { contact }.AsQueryable(), cancellationToken)).Any();
}
