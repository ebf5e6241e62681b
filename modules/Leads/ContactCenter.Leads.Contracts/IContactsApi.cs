namespace ContactCenter.Leads.Contracts;

/// <summary>
/// What other modules may ask the Leads module about contacts. Both calls run inside the caller's unit of work
/// (the inbox processor's transaction) and never save: the caller commits.
/// </summary>
public interface IContactsApi
{
    /// <summary>
    /// The contact a channel names (by phone first, else by provider user id), added when unknown. On PostgreSQL the
    /// contact's row stays locked until the caller commits, so one contact's messages are handled one after another.
    /// </summary>
    Task<InboundContact> UpsertAsync(InboundSender sender, CancellationToken cancellationToken);

    /// <summary>
    /// A batch of senders is about to be upserted one by one (the inbox processor's batch): their contacts are read
    /// with one query into the caller's unit of work (on PostgreSQL locked until the caller commits, in a fixed order),
    /// so the <see cref="UpsertAsync"/> calls that follow for these senders ask the database nothing more. Optional:
    /// without it every upsert reads its own contact. Returns the ids of the contacts it found.
    /// </summary>
    Task<IReadOnlyCollection<Guid>> PreloadAsync(IReadOnlyCollection<InboundSender> senders, CancellationToken cancellationToken);

    /// <summary>
    /// Contacts <see cref="PreloadAsync"/> found are about to open new conversations in the caller's batch
    /// (<see cref="RecordArrivalAsync"/> follows for each): what matching their arrival needs is read with one query
    /// per kind for all of them. Optional: without it every arrival asks for its own.
    /// </summary>
    Task PrepareArrivalsAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken);

    /// <summary>
    /// A contact opened a new conversation: matches it to a form or API lead (by the lead code in
    /// <paramref name="firstText"/>, else by phone), decides new vs returning, puts the arrival on the timeline and
    /// says what routing needs to know.
    /// </summary>
    Task<Arrival> RecordArrivalAsync(Guid contactId, Guid channelAccountId, Guid conversationId, string? firstText, DateTime at, CancellationToken cancellationToken);

    /// <summary>
    /// Someone is about to write first to a number ("Nova conversa"): the contact of that number, added when unknown,
    /// with the typed name and CPF stored when given, and the team, product and owner the contact already has. Nothing
    /// goes on the timeline here: routing records who started the conversation. The caller saves the unit of work.
    /// </summary>
    Task<OutreachContact> PrepareOutreachAsync(OutreachTarget target, CancellationToken cancellationToken);
}

/// <summary>The number to write to (E.164 digits without '+'), and the name and CPF (11 digits) typed, when any.</summary>
public sealed record OutreachTarget(string Phone, string? Name, string? Cpf);

/// <summary>The contact an outreach writes to, and what routing needs to know about them.</summary>
public sealed record OutreachContact(InboundContact Contact, Guid? ProductId, Guid? TeamId, Guid? OwnerAgentId);

/// <summary>Who a channel says wrote: E.164 digits without '+', the provider's user id and the profile name.</summary>
public sealed record InboundSender(string? Phone, string? ProviderUserId, string? ProfileName);

/// <summary>
/// A contact as conversations show it: <see cref="DisplayName"/> is the registered name, else the profile's.
/// <see cref="IsNew"/>: added in the caller's unit of work, so nothing of theirs is stored yet (no conversation to look for).
/// </summary>
public sealed record InboundContact(Guid ContactId, string? DisplayName, string? Phone, bool IsNew = false);

/// <summary>
/// What routing needs about an arrival: the product the contact came for (from the matched lead), the team and owner
/// agent the contact already belongs to, and whether they are returning (with the reason in plain words).
/// </summary>
public sealed record Arrival(
    Guid ContactId,
    Guid? LeadId,
    Guid? ProductId,
    Guid? TeamId,
    Guid? OwnerAgentId,
    bool IsReturning,
    string? ReturningReason);
