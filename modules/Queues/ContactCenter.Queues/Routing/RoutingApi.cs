using ContactCenter.Kernel.Errors;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Queues.Routing;

/// <summary>The agent inbox pages' way to claim and transfer: the same handlers as the REST endpoints.</summary>
internal sealed class RoutingApi(ClaimConversation.Handler claim, TransferConversation.Handler transfer) : IRoutingApi
{
    public Task<Result<RoutingOutcome>> ClaimAsync(Guid conversationId, CancellationToken cancellationToken) =>
        claim.HandleAsync(conversationId, cancellationToken);

    public Task<Result<RoutingOutcome>> TransferAsync(Guid conversationId, TransferRequest request, CancellationToken cancellationToken) =>
        transfer.HandleAsync(conversationId, request, cancellationToken);
}
