using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Reactions, edits and revokes change how an earlier message shows, never what it was: the original text
/// goes to the edit history, a revoked message keeps its content and is shown as deleted. Either may arrive
/// first, so a new message also picks up modifiers that were waiting for it.
/// </summary>
internal sealed class MessageModifiers(ContactCenterDbContext db, InboundLookups lookups)
{
    private static readonly string[] Kinds = ["reaction", "edit", "revoke"];

    public async Task ApplyAsync(Message message, CancellationToken cancellationToken)
    {
        if (Kinds.Contains(message.Type) && message.TargetProviderMessageId is { } targetId)
        {
            // The unit of work first: the target may be an earlier message of the same batch, not saved yet.
            var target = lookups.TrackedMessages.FirstOrDefault(m => m.ChannelAccountId == message.ChannelAccountId && m.ProviderMessageId == targetId)
                ?? (lookups.HasMessages(message.ChannelAccountId, targetId)
                    ? null
                    : await db.Set<Message>().FirstOrDefaultAsync(
                        m => m.ChannelAccountId == message.ChannelAccountId && m.ProviderMessageId == targetId, cancellationToken));
            if (target is not null)
            {
                Apply(target, message);
            }

            return;
        }

        if (message.ProviderMessageId is not { } id)
        {
            return;
        }

        if (!lookups.HasMessages(message.ChannelAccountId, id))
        {
            await db.Set<Message>()
                .Where(m => m.ChannelAccountId == message.ChannelAccountId && m.TargetProviderMessageId == id)
                .LoadAsync(cancellationToken);
        }

        // Stored ones (now tracked) and those an earlier message of the same batch added.
        var waiting = lookups.TrackedMessages
            .Where(m => m.ChannelAccountId == message.ChannelAccountId && m.TargetProviderMessageId == id)
            .ToList();
        foreach (var modifier in waiting.Where(m => Kinds.Contains(m.Type)).OrderBy(m => m.CreatedAt))
        {
            Apply(message, modifier);
        }
    }

    private void Apply(Message target, Message modifier)
    {
        switch (modifier.Type)
        {
            case "reaction":
                target.Reaction = modifier.Reaction;
                break;
            case "edit":
                // The history is read in EditedAt order, and WhatsApp's timestamps are whole seconds: two edits of one
                // second would tie and come back in whatever order the database returns them. A later edit is kept a
                // microsecond (the coarsest precision of our databases) after the one before it.
                var editedAt = target.EditedAt is { } last && last >= modifier.CreatedAt ? last.AddTicks(10) : modifier.CreatedAt;
                db.Add(new MessageEdit { MessageId = target.Id, PreviousText = target.Text, EditedAt = editedAt });
                target.Text = modifier.Text;
                target.EditedAt = editedAt;
                break;
            case "revoke":
                target.RevokedAt = modifier.CreatedAt;
                break;
        }
    }
}
