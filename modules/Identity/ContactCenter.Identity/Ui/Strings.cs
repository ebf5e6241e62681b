namespace ContactCenter.Identity.Ui;

/// <summary>Marker for the Identity pages' strings (Strings.resx in English, Strings.pt-BR.resx).</summary>
internal sealed class Strings;
