namespace ContactCenter.Kernel.Modules;

/// <summary>The part of the side menu an entry sits in.</summary>
public enum NavSection
{
    /// <summary>Day-to-day service: the inbox, contacts, history, reports. Shown to every signed-in user.</summary>
    Work,

    /// <summary>Administration: shown (with its heading) only to admins.</summary>
    Admin,
}

/// <summary>
/// One entry a module adds to the host's side menu (as OrchardCore's navigation providers do): the host renders
/// every module's entries by <see cref="Section"/> and <see cref="Order"/>, each only to users who pass
/// <see cref="Policy"/>, so the host names no module page.
/// </summary>
/// <param name="Section">Where the entry sits.</param>
/// <param name="Key">Short id: the link's <c>data-testid</c> is <c>nav-{Key}</c> and its label the resource <c>Nav_{Key}</c>.</param>
/// <param name="Href">The page the entry opens; "/" matches only itself, any other matches as a prefix.</param>
/// <param name="Icon">A name from the host's icon set (e.g. <c>inbox</c>, <c>users</c>).</param>
/// <param name="Policy">The authorization policy a user must pass to see it (<c>Policies.Agent</c>, …).</param>
/// <param name="Order">Position within the section, lowest first; modules leave gaps (10, 20, …) for others.</param>
/// <param name="Strings">
/// The module's localization resource type (its <c>Ui/Strings</c>), which holds <c>Nav_{Key}</c> in English and pt-BR.
/// </param>
public sealed record NavItem(NavSection Section, string Key, string Href, string Icon, string Policy, int Order, Type Strings)
{
    /// <summary>The resource name of the entry's label.</summary>
    public string TextKey => "Nav_" + Key;
}

/// <summary>
/// A component a module places in one of the host's layout zones (as nopCommerce's widget zones do); the host
/// renders every module's widgets for a zone by <see cref="Order"/>.
/// </summary>
/// <param name="Component">
/// A public Razor component type of the module's UI assembly. Header widgets take no parameters; conversation tools take
/// one, <c>Context</c>, a <see cref="ConversationToolContext"/>; side panel widgets one, <c>Context</c>, a
/// <see cref="ConversationPanelContext"/>.
/// </param>
/// <param name="Zone">One of <see cref="WidgetZones"/>.</param>
/// <param name="Order">Position within the zone, lowest first.</param>
public sealed record UiWidget(Type Component, string Zone, int Order);

/// <summary>The places in the host's layout that modules can put widgets in.</summary>
public static class WidgetZones
{
    /// <summary>The top bar, left of the language switch (e.g. the agent's presence switch).</summary>
    public const string Header = "header";

    /// <summary>
    /// Under a conversation's header, beside "select messages": what other modules do with a conversation and the
    /// messages the agent picked (the Tickets module's "Criar chamado" and "Vincular a chamado").
    /// </summary>
    public const string ConversationTools = "conversation-tools";

    /// <summary>
    /// Beside the open conversation in the inbox: what the agent should know about the person (the Leads module's
    /// contact data, temperature, open tickets and last conversations).
    /// </summary>
    public const string ConversationSidePanel = "conversation-side-panel";
}

/// <summary>What a conversation tool is given: the open conversation, the messages picked in it, and how to end the picking.</summary>
/// <param name="ConversationId">The conversation on screen.</param>
/// <param name="SelectedMessageIds">The messages the agent ticked, in the order they appear in the thread.</param>
/// <param name="ClearSelectionAsync">Unticks everything and leaves the picking mode (after the tool used the selection).</param>
public sealed record ConversationToolContext(Guid ConversationId, IReadOnlyList<Guid> SelectedMessageIds, Func<Task> ClearSelectionAsync);

/// <summary>What a side panel widget is given: the open conversation and its contact.</summary>
/// <param name="ConversationId">The conversation on screen.</param>
/// <param name="ContactId">The person it is with.</param>
public sealed record ConversationPanelContext(Guid ConversationId, Guid ContactId);
