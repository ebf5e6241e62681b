using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Values;
using ContactCenter.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Leads.Contacts;

/// <summary>
/// Finds the contact a channel names (by phone first, else by provider user id) or adds it. The contact's row stays
/// locked until the caller commits (<see cref="ISqlDialect.LockRows{T}"/>, waiting: PostgreSQL's <c>FOR UPDATE</c>),
/// so several inbox workers handle one contact's messages one after the other (a reaction and its message never
/// miss each other); a new contact is serialized by the unique indexes instead (the loser's batch is retried and
/// then finds the contact). SQLite's single writer makes the lock unnecessary there.
/// <para>
/// The unit of work is asked first: a batch saves once at its end, so a contact added or read by an earlier message
/// of the batch is only there. <see cref="PreloadAsync"/> reads a whole batch's contacts with one query; an upsert
/// for a sender it covered then asks the database nothing.
/// </para>
/// </summary>
internal sealed class ContactBook(ContactCenterDbContext db, ISqlDialect dialect, TimeProvider clock)
{
    // What PreloadAsync read into this unit of work: for these, a contact not tracked is a contact that does not exist.
    private readonly HashSet<string> _loadedPhones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loadedUserIds = new(StringComparer.Ordinal);

    public async Task<IReadOnlyCollection<Guid>> PreloadAsync(IReadOnlyCollection<InboundSender> senders, CancellationToken cancellationToken)
    {
        var phones = senders.Select(s => PhoneNumberReader.FromChannel(s.Phone)).OfType<string>().Where(p => !_loadedPhones.Contains(p)).Distinct().ToList();
        var userIds = senders.Select(s => s.ProviderUserId).OfType<string>().Where(u => u.Length > 0 && !_loadedUserIds.Contains(u)).Distinct().ToList();
        if (phones.Count == 0 && userIds.Count == 0)
        {
            return [];
        }

        // Locked in id order: two workers whose batches share contacts take them in the same order and never deadlock.
        var named = db.Set<Contact>()
            .Where(c => (c.Phone != null && phones.Contains(c.Phone)) || (c.ProviderUserId != null && userIds.Contains(c.ProviderUserId)))
            .OrderBy(c => c.Id);
        var found = await dialect.LockRows(named, RowLock.Wait).ToListAsync(cancellationToken);
        _loadedPhones.UnionWith(phones);
        _loadedUserIds.UnionWith(userIds);
        return [.. found.Select(c => c.Id)];
    }

    public async Task<Contact> UpsertAsync(InboundSender party, CancellationToken cancellationToken)
    {
        var contacts = db.Set<Contact>();
        // A channel's number is read with libphonenumber as E.164 (what forms and outreach store), or kept as sent.
        var phone = PhoneNumberReader.FromChannel(party.Phone);
        var contact = phone is not null
            ? await FindAsync(phone, null, cancellationToken)
            : null;
        if (contact is null && party.ProviderUserId is { Length: > 0 } userId)
        {
            contact = await FindAsync(null, userId, cancellationToken);
        }

        if (contact is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            contact = new Contact { CreatedAt = now, UpdatedAt = now };
            contacts.Add(contact);
        }

        // What the channel says now wins: a phone learnt later, a renamed profile.
        contact.Phone ??= phone;
        contact.ProviderUserId ??= Truncate(party.ProviderUserId, 100);
        if (party.ProfileName is { Length: > 0 } name)
        {
            contact.ProfileName = Truncate(name, 200);
        }

        return contact;
    }

    private async Task<Contact?> FindAsync(string? phone, string? providerUserId, CancellationToken cancellationToken)
    {
        var tracked = db.Tracked<Contact>().FirstOrDefault(c => phone is not null ? c.Phone == phone : c.ProviderUserId == providerUserId);
        if (tracked is not null || (phone is not null ? _loadedPhones.Contains(phone) : _loadedUserIds.Contains(providerUserId!)))
        {
            return tracked;
        }

        var contacts = db.Set<Contact>();
        var named = phone is not null
            ? contacts.Where(c => c.Phone == phone)
            : contacts.Where(c => c.ProviderUserId == providerUserId);
        var rows = await dialect.LockRows(named, RowLock.Wait).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
