using ContactCenter.Kernel.Errors;

namespace ContactCenter.Queues.Contracts;

/// <summary>
/// Routing actions people take on a conversation, for other modules' pages (the agent inbox). The REST endpoints
/// (<c>POST /api/v1/conversations/{id}/claim</c>, <c>…/transfer</c>) run the same use cases. The caller is the current user.
/// </summary>
public interface IRoutingApi
{
    /// <summary>Takes a pool conversation of one of the caller's teams.</summary>
    Task<Result<RoutingOutcome>> ClaimAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>Hands a conversation to an agent or a team (one of them), saying why.</summary>
    Task<Result<RoutingOutcome>> TransferAsync(Guid conversationId, TransferRequest request, CancellationToken cancellationToken);
}

/// <summary>Exactly one of <see cref="AgentId"/> and <see cref="TeamId"/>; <see cref="Reason"/> is kept in the history.</summary>
public sealed record TransferRequest(Guid? AgentId, Guid? TeamId, string? Reason);

/// <summary>Where the conversation ended up and the rule that put it there.</summary>
public sealed record RoutingOutcome(Guid ConversationId, Guid? TeamId, Guid? AgentId, RoutingRule Rule, string Explanation);
