using Microsoft.Extensions.Configuration;

namespace ContactCenter.Conversations.Media;

/// <summary>Received files under <c>&lt;DataDirectory&gt;/media/yyyy/MM/&lt;id&gt;</c> (the host's data folder).</summary>
internal sealed class MediaStore(IConfiguration configuration)
{
    // The same default as the host's settings: ./data beside the working directory.
    private readonly string _root = Path.GetFullPath(configuration["ContactCenter:DataDirectory"] is { Length: > 0 } dir
        ? dir
        : Path.Combine(Directory.GetCurrentDirectory(), "data"));

    public static string RelativePath(Guid id, DateTime at) => Path.Combine("media", at.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        at.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), id.ToString());

    public string FullPath(string relativePath) => Path.Combine(_root, relativePath);
}
