using System.Globalization;
using System.Security.Cryptography;
using ContactCenter.Kernel.Startup;

namespace ContactCenter.Conversations.Media;

/// <summary>Received and sent files under <c>&lt;DataDirectory&gt;/media/yyyy/MM/&lt;id&gt;</c> (the host's data folder).</summary>
internal sealed class MediaStore(DataFolder dataFolder)
{
    public static string RelativePath(Guid id, DateTime at) => Path.Combine(
        "media", at.ToString("yyyy", CultureInfo.InvariantCulture), at.ToString("MM", CultureInfo.InvariantCulture), id.ToString());

    public string FullPath(string relativePath) => Path.Combine(dataFolder.Path, relativePath);

    /// <summary>
    /// Copies an upload into the store as it arrives (a 100 MB document is never held in memory), hashing on the
    /// way; false, with nothing kept, when it turns out longer than <paramref name="maxBytes"/> or empty.
    /// </summary>
    public async Task<long> SaveAsync(MediaFile file, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var relative = RelativePath(file.Id, file.CreatedAt);
        var path = FullPath(relative);
        var temporary = path + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var output = File.Create(temporary))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size == 0 || size > maxBytes)
        {
            File.Delete(temporary);
            return size;
        }

        File.Move(temporary, path, overwrite: true);
        (file.Size, file.Sha256, file.StoragePath, file.Status) = (size, Convert.ToHexStringLower(hash.GetHashAndReset()), relative, MediaStatus.Downloaded);
        return size;
    }

    /// <summary>Keeps bytes already in hand (an attachment, an inline picture) and marks the file downloaded.</summary>
    public void Save(MediaFile file, byte[] bytes)
    {
        var relative = RelativePath(file.Id, file.CreatedAt);
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        (file.Size, file.Sha256, file.StoragePath, file.Status) =
            (bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), relative, MediaStatus.Downloaded);
    }
}
