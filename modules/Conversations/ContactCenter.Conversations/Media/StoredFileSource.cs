using ContactCenter.Channels.Contracts.Outbound;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations.Media;

/// <summary>Opens a file an agent attached (kept in the media store) when the sender uploads it to the provider.</summary>
internal sealed class StoredFileSource(ContactCenterDbContext db, MediaStore store) : IOutboundFileSource
{
    public async Task<Stream?> OpenReadAsync(string fileReference, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(fileReference, out var id)
            || await db.Set<MediaFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is not { StoragePath: { } path })
        {
            return null;
        }

        var full = store.FullPath(path);
        return File.Exists(full) ? File.OpenRead(full) : null;
    }
}
