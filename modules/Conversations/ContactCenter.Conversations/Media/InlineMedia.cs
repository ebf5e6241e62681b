namespace ContactCenter.Conversations.Media;

/// <summary>
/// A file that came inside the webhook as a <c>data:</c> URL (the Sandbox plugin's pictures): there is nothing to
/// fetch, and the reference would not fit the provider-id column, so it is written to the store at once.
/// </summary>
internal static class InlineMedia
{
    public static bool IsInline(string reference) => reference.StartsWith("data:", StringComparison.Ordinal);

    /// <summary>Writes the bytes and marks the file downloaded; a malformed reference marks it failed with why.</summary>
    public static void Store(MediaStore store, MediaFile file, string reference)
    {
        const string marker = ";base64,";
        var comma = reference.IndexOf(marker, StringComparison.Ordinal);
        byte[] bytes;
        try
        {
            bytes = comma > 5 ? Convert.FromBase64String(reference[(comma + marker.Length)..]) : throw new FormatException("Not a base64 data URL.");
        }
        catch (FormatException e)
        {
            (file.Status, file.Error) = (MediaStatus.Failed, e.Message);
            return;
        }

        file.MimeType ??= reference[5..comma];
        store.Save(file, bytes);
    }
}
