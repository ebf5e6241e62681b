using ContactCenter.Channels.Contracts;
using ContactCenter.Leads.Contacts;

namespace ContactCenter.Leads.Intake;

/// <summary>
/// The link that opens WhatsApp with the lead code typed: <c>https://wa.me/&lt;business number&gt;?text=…</c> for the
/// first channel account linked to the team. A Sandbox account has no number: its phone page plays the customer.
/// </summary>
internal sealed class WhatsAppLinks(Names names, IChannelsApi channels)
{
    /// <summary>The WhatsApp Cloud setting holding the business number people see (the phone number ID is not it).</summary>
    public const string DisplayPhoneSetting = "displayPhoneNumber";

    public static string Text(string productName, string code) => $"Olá! Tenho interesse em {productName}. Meu código: #{code}";

    public async Task<(string? Url, string? Note)> BuildAsync(Guid? teamId, string productName, string code, CancellationToken cancellationToken)
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
            return ($"/sandbox/{accountId}",
                $"{account.Account.Name} is a Sandbox account with no phone number: open its sandbox phone page and send the code #{code}.");
        }

        var digits = account.Settings.TryGetValue(DisplayPhoneSetting, out var number)
            ? new string(number.Where(char.IsAsciiDigit).ToArray())
            : string.Empty;
        return digits.Length >= 8
            ? ($"https://wa.me/{digits}?text={Uri.EscapeDataString(Text(productName, code))}", null)
            : (null, $"The channel account {account.Account.Name} has no display phone number set, so there is no WhatsApp link; an admin sets it under Channels.");
    }
}
