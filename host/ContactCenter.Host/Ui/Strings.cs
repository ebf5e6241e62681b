namespace ContactCenter.Host.Ui;

/// <summary>Marker for the host's UI strings (Strings.resx in English, Strings.pt-BR.resx).</summary>
internal sealed class Strings;
