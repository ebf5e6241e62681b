namespace ContactCenter.Audit.Ui;

/// <summary>Marker for the module's UI strings (Strings.resx, Strings.pt-BR.resx).</summary>
internal sealed class Strings;
