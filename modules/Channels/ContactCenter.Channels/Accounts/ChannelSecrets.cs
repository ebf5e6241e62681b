using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Accounts;

/// <summary>
/// Encrypts an account's secret settings with ASP.NET Data Protection. The keys live in the database
/// (Kernel_DataProtectionKeys), so every node and every restart can decrypt them.
/// </summary>
internal sealed class ChannelSecrets(IDataProtectionProvider provider, ILogger<ChannelSecrets> logger)
{
    public const string Purpose = "ContactCenter.Channels.Secrets";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string? Protect(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : _protector.Protect(JsonSerializer.Serialize(secrets));

    /// <summary>The secrets, or none when the blob cannot be decrypted (its key was lost); they must be entered again.</summary>
    public Dictionary<string, string> Unprotect(Guid accountId, string? protectedSecrets)
    {
        if (string.IsNullOrEmpty(protectedSecrets))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedSecrets))
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "The secrets of channel account {ChannelAccountId} cannot be decrypted; enter them again", accountId);
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
