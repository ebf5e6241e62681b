using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.ApiKeys;

/// <summary>An API key as admins see it: never the key itself, only its first characters.</summary>
internal sealed record ApiKeyView(Guid Id, string Name, string Prefix, Role Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyView From(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Role, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>Returned once, on creation: the only time the key can be read.</summary>
internal sealed record CreatedApiKey(ApiKeyView ApiKey, string Key);
