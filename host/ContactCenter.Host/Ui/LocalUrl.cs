namespace ContactCenter.Host.Ui;

internal static class LocalUrl
{
    /// <summary>The url when it is a path on this site, else <c>/</c> (no open redirects).</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
