using System.Security.Claims;

namespace ContactCenter.Kernel.Identity;

/// <summary>Builds the principals the host authenticates, with the claims <see cref="ICurrentUser"/> reads.</summary>
public static class Principals
{
    public static ClaimsPrincipal ForUser(Guid userId, string displayName, Role role, string securityStamp, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, userId.ToString()),
                new Claim(ClaimNames.Name, displayName),
                new Claim(ClaimNames.Role, role.ToString()),
                new Claim(ClaimNames.AuthKind, "user"),
                new Claim(ClaimNames.SecurityStamp, securityStamp),
            ],
            scheme,
            ClaimNames.Name,
            ClaimNames.Role));

    public static ClaimsPrincipal ForApiKey(Guid keyId, string name, Role role, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, keyId.ToString()),
                new Claim(ClaimNames.Name, name),
                new Claim(ClaimNames.Role, role.ToString()),
                new Claim(ClaimNames.AuthKind, "apiKey"),
            ],
            scheme,
            ClaimNames.Name,
            ClaimNames.Role));
}
