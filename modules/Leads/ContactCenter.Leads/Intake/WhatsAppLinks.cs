using ContactCenter.Channels.Contracts;
using ContactCenter.Leads.Contacts;

namespace ContactCenter.Leads.Intake;

/// <summary>
/// The link that opens WhatsApp with the lead code typed: <c>https://wa.me/&lt;business number&gt;?text=…</c> for the
/// first channel account linked to the team. A Sandbox account has no number: the link opens its public phone page for
/// the person's own number (<c>/s/{token}</c>, signed and expiring; no login), where they play their phone.
/// </summary>
internal sealed class WhatsAppLinks(Names names, IChannelsApi channels, ISandboxPhoneLinks sandboxLinks)
{
    /// <summary>The WhatsApp Cloud setting holding the business number people see (the phone number ID is not it).</summary>
    public const string DisplayPhoneSetting = "displayPhoneNumber";

    public static string Text(string productName, string code) => $"Olá! Tenho interesse em {productName}. Meu código: #{code}";

    /// <param name="phone">The person's number (E.164 digits) as typed on the lead: the only one a Sandbox link lets them be.</param>
    /// <param name="name">Their name, shown on the agent's side as WhatsApp's profile name would be.</param>
    public async Task<(string? Url, string? Note)> BuildAsync(
        Guid? teamId, string productName, string code, string phone, string? name, CancellationToken cancellationToken)
    {
        var team = await names.TeamAsync(teamId, cancellationToken);
        if (team is not { ChannelAccountIds: [var accountId, ..] })
        {
            return (null, $"The team {team?.Name ?? "of the product"} has no channel account linked, so there is no WhatsApp number to open; an admin links one under Teams.");
        }

        var account = await channels.GetSettingsAsync(accountId, cancellationToken);
        if (account is null)
        {
            return (null, "The team's channel account no longer exists.");
        }

        if (account.Account.PluginId == "sandbox")
        {
            return (sandboxLinks.PathFor(accountId, phone, name, Text(productName, code)),
                $"{account.Account.Name} is a Sandbox account with no phone number: the link opens its sandbox phone for this person's number only (no login, valid for 7 days), where they send the code #{code}.");
        }

        var digits = account.Settings.TryGetValue(DisplayPhoneSetting, out var number)
            ? new string(number.Where(char.IsAsciiDigit).ToArray())
            : string.Empty;
        return digits.Length >= 8
            ? ($"https://wa.me/{digits}?text={Uri.EscapeDataString(Text(productName, code))}", null)
            : (null, $"The channel account {account.Account.Name} has no display phone number set, so there is no WhatsApp link; an admin sets it under Channels.");
    }
}
