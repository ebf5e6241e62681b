using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Kernel.Audit;

/// <summary>
/// A secret in an audit snapshot (app secret, access token, verify token, password, API key): it tells whether it was
/// set and whether it changed, never what it is. Only a fingerprint is kept, and only in memory; the entry stores
/// <see cref="Mask"/>.
/// </summary>
public sealed class AuditSecret : IEquatable<AuditSecret>
{
    /// <summary>What an entry shows for a secret that is set.</summary>
    public const string Mask = "••••";

    private readonly string? _fingerprint;

    private AuditSecret(string? fingerprint) => _fingerprint = fingerprint;

    /// <summary>A secret known by its value (empty or null: not set).</summary>
    public static AuditSecret Of(string? value) => new(string.IsNullOrEmpty(value)
        ? null
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))));

    /// <summary>A secret that was just set to a new value (a password reset): always differs from any other.</summary>
    public static AuditSecret New() => new(Guid.NewGuid().ToString("N"));

    public bool IsSet => _fingerprint is not null;

    public bool Equals(AuditSecret? other) => other is not null && _fingerprint == other._fingerprint;

    public override bool Equals(object? obj) => Equals(obj as AuditSecret);

    public override int GetHashCode() => _fingerprint?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => IsSet ? Mask : string.Empty;
}
