namespace ContactCenter.Channels.Contracts;

/// <summary>
/// Links that let one person play the customer's phone of a Sandbox account without logging in: the lead form's
/// "Abrir WhatsApp" button for a team whose number is a Sandbox account. A link is signed and expires; it opens that
/// account's phone for that number only.
/// </summary>
public interface ISandboxPhoneLinks
{
    /// <summary>
    /// The site-relative address of the public sandbox phone (<c>/s/{token}</c>) for the account and phone (E.164 digits);
    /// <paramref name="text"/> is typed in the composer for them, as wa.me's <c>?text=</c> does.
    /// </summary>
    string PathFor(Guid channelAccountId, string phone, string? name, string? text);
}
