using System.Security.Cryptography;
using System.Text;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.Domain;

/// <summary>
/// A key an integration sends as <c>Authorization: Bearer &lt;key&gt;</c>. Only its SHA-256 is stored (keys are
/// long random strings, so a plain hash suffices); the key itself is shown once, when it is created.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>The first characters of the key, so an admin can tell keys apart.</summary>
    public required string Prefix { get; init; }

    public required string KeyHash { get; init; }

    public Role Role { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid? CreatedBy { get; init; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Generate() =>
        "cc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');

    public static string PrefixOf(string key) => key.Length <= 8 ? key : key[..8];
}
