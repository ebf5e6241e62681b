namespace ContactCenter.Queues.Contracts;

/// <summary>What other modules may ask the Queues module: teams, products and who belongs where.</summary>
public interface IQueuesApi
{
    Task<TeamDto?> FindTeamAsync(Guid teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamDto>> ListTeamsAsync(CancellationToken cancellationToken);

    Task<ProductDto?> FindProductAsync(Guid productId, CancellationToken cancellationToken);

    Task<ProductDto?> FindProductBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Every product, active or not, by name (pickers such as "Add as lead").</summary>
    Task<IReadOnlyList<ProductDto>> ListProductsAsync(CancellationToken cancellationToken);

    Task<AgentDto?> FindAgentAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The routing timers as admins set them (<see cref="RoutingSettingsDto.Defaults"/> until then).</summary>
    Task<RoutingSettingsDto> GetRoutingSettingsAsync(CancellationToken cancellationToken);
}
