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
