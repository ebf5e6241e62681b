namespace ContactCenter.Templates.Contracts;

/// <summary>
/// What other modules may ask the Templates module. Only approved templates leave it: agents (and the API) can
/// send nothing else outside the 24-hour window.
/// </summary>
public interface ITemplatesApi
{
    /// <summary>The templates of a channel account that are approved now, by name.</summary>
    Task<IReadOnlyList<ApprovedTemplate>> ListApprovedAsync(Guid channelAccountId, CancellationToken cancellationToken);

    /// <summary>The template if it exists and is approved now; null otherwise (pending, rejected, paused, disabled, unknown).</summary>
    Task<ApprovedTemplate?> FindApprovedAsync(Guid templateId, CancellationToken cancellationToken);

    /// <summary>The template whatever its status (so a refusal can say "not approved" rather than "unknown"); null when unknown.</summary>
    Task<TemplateStatusView?> FindStatusAsync(Guid templateId, CancellationToken cancellationToken);
}

/// <summary>An approved template as the picker shows it and the sender fills it.</summary>
/// <param name="Category">marketing, utility or authentication (Meta's categories; they drive the price).</param>
/// <param name="Variables">Every placeholder, header ones first, in order.</param>
public sealed record ApprovedTemplate(
    Guid Id,
    Guid ChannelAccountId,
    string Name,
    string Language,
    string Category,
    string? HeaderText,
    string Body,
    string? Footer,
    IReadOnlyList<string> Buttons,
    IReadOnlyList<TemplateVariable> Variables);

/// <summary>One placeholder: <c>{{Position}}</c> in the header or the body.</summary>
/// <param name="Component">"header" or "body".</param>
/// <param name="Position">1, 2, … within its component.</param>
/// <param name="Example">The example given at submission (shown as the hint).</param>
/// <param name="BoundField">A contact field that fills it by default ("contact.name"), or null when the agent types it.</param>
public sealed record TemplateVariable(string Component, int Position, string Example, string? BoundField);

/// <summary>A template's current status, whatever it is.</summary>
/// <param name="Status">pending, approved, rejected, paused or disabled.</param>
/// <param name="Reason">Why it was rejected or paused, when the provider said.</param>
public sealed record TemplateStatusView(Guid Id, Guid ChannelAccountId, string Name, string Status, string? Reason);
