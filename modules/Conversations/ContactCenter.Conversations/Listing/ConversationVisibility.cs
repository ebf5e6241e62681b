using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Conversations.Listing;

/// <summary>
/// Every read of conversations goes through it: the rule's conversations row (<see cref="VisibilityRule.Conversations"/>:
/// admins all, a supervisor their teams' and any assigned to them, an agent theirs plus their teams' unassigned ones,
/// API keys below admin nothing).
/// </summary>
internal sealed class ConversationVisibility(ICurrentUser caller)
    : RecordVisibility<Conversation>(caller, VisibilityRule.Conversations, c => c.AssignedAgentId, c => c.TeamId);
