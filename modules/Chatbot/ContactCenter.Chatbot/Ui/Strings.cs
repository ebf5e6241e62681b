namespace ContactCenter.Chatbot.Ui;

/// <summary>Marker for the module's strings (Strings.resx, Strings.pt-BR.resx): the bot log and "testar" in words, the admin page.</summary>
internal sealed class Strings;
