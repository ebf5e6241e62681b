using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.Domain;

internal sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-case login name, unique.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    public string PasswordHash { get; set; } = string.Empty;

    public Role Role { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Changes when the password, role or activation changes, ending existing login cookies.</summary>
    public string SecurityStamp { get; set; } = NewStamp();

    /// <summary>Unused since logins are throttled per source (Auth/LoginThrottle) instead of locking the account; the column stays until a migration drops it.</summary>
    public int FailedLoginCount { get; set; }

    /// <summary>Unused, as <see cref="FailedLoginCount"/>.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; init; }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    public UserSummary ToSummary() => new(Id, UserName, DisplayName, Email, Role, IsActive);
}
