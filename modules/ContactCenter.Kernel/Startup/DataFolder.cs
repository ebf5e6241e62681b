namespace ContactCenter.Kernel.Startup;

/// <summary>
/// The data folder the host resolved at start (<c>ContactCenter:DataDirectory</c>, default <c>./data</c>), for
/// modules that keep files there, so the default is decided in one place.
/// </summary>
public sealed record DataFolder(string Path);
