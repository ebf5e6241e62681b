using System.Globalization;

namespace ContactCenter.Channels.Contracts.Outbound;

/// <summary>
/// The plain words an agent reads when a message could not be sent, by stable reason code, in English and
/// Brazilian Portuguese (the product's two languages). Kept in the contract so every module shows the same text.
/// </summary>
public static class OutboundReasons
{
    public const string WindowClosed = "window_closed";
    public const string BadRecipient = "bad_recipient";
    public const string TemplateProblem = "template_problem";
    public const string RateLimited = "rate_limited";
    public const string GaveUp = "gave_up";
    public const string Permanent = "permanent";
    public const string AccountMissing = "channel_account_missing";

    private static readonly Dictionary<string, (string En, string PtBr)> Texts = new(StringComparer.Ordinal)
    {
        [WindowClosed] = (
            "The 24-hour window is closed: send an approved template.",
            "A janela de 24 horas está fechada: envie um modelo aprovado."),
        [BadRecipient] = (
            "This number cannot receive WhatsApp messages (no account, blocked or invalid). Reach the contact another way.",
            "Este número não pode receber mensagens no WhatsApp (sem conta, bloqueado ou inválido). Fale com o contato por outro meio."),
        [TemplateProblem] = (
            "The template is unknown in this language, not approved, paused, or its parameters do not match.",
            "O modelo não existe neste idioma, não está aprovado, está pausado ou os parâmetros não conferem."),
        [RateLimited] = (
            "Too many messages were sent; it was retried for too long without success. Try again later.",
            "Muitas mensagens foram enviadas; as novas tentativas não deram certo. Tente novamente mais tarde."),
        [GaveUp] = (
            "The channel could not be reached after several attempts. Try again later.",
            "Não foi possível falar com o canal após várias tentativas. Tente novamente mais tarde."),
        [Permanent] = (
            "The channel refused the message. An administrator should check the channel account.",
            "O canal recusou a mensagem. Um administrador deve verificar a conta do canal."),
        [AccountMissing] = (
            "The channel account no longer exists or its plugin is not loaded.",
            "A conta do canal não existe mais ou o plugin dela não está carregado."),
    };

    /// <summary>The reason's words in the culture's language (pt-BR for any pt culture, else English).</summary>
    public static string Describe(string reasonCode, CultureInfo? culture = null)
    {
        if (!Texts.TryGetValue(reasonCode, out var text))
        {
            text = Texts[Permanent];
        }

        return (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "pt" ? text.PtBr : text.En;
    }

    /// <summary>The reason code of a final failure of this kind.</summary>
    public static string For(OutboundFailureKind kind) => kind switch
    {
        OutboundFailureKind.WindowClosed => WindowClosed,
        OutboundFailureKind.BadRecipient => BadRecipient,
        OutboundFailureKind.TemplateProblem => TemplateProblem,
        OutboundFailureKind.RateLimited => RateLimited,
        OutboundFailureKind.Retryable => GaveUp,
        _ => Permanent,
    };
}
