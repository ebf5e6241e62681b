using ContactCenter.Conversations.Domain;
using ContactCenter.Kernel.Data;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// What <see cref="PrepareInboundBatch"/> read into this unit of work for a batch of received messages. For what is
/// covered here the unit of work is the whole truth (a row not tracked does not exist), so the handlers ask the
/// database nothing; for anything else they query as they would alone.
/// </summary>
internal sealed class InboundLookups(ContactCenterDbContext db)
{
    private readonly HashSet<(Guid Account, string ProviderMessageId)> _messages = [];
    private readonly HashSet<(Guid Account, Guid ContactId)> _conversations = [];

    /// <summary>The messages in the unit of work, now (without a change scan per read).</summary>
    public IReadOnlyList<Message> TrackedMessages => db.Tracked<Message>();

    /// <summary>The conversations in the unit of work, as <see cref="TrackedMessages"/>.</summary>
    public IReadOnlyList<Conversation> TrackedConversations => db.Tracked<Conversation>();

    /// <summary>Messages with this provider id, and the reactions, edits and revokes waiting for it, are tracked.</summary>
    public bool HasMessages(Guid account, string providerMessageId) => _messages.Contains((account, providerMessageId));

    /// <summary>The contact's unfinished conversations on this account are tracked.</summary>
    public bool HasConversations(Guid account, Guid contactId) => _conversations.Contains((account, contactId));

    public void LoadedMessages(IEnumerable<(Guid Account, string ProviderMessageId)> keys) => _messages.UnionWith(keys);

    public void LoadedConversations(IEnumerable<(Guid Account, Guid ContactId)> keys) => _conversations.UnionWith(keys);
}
