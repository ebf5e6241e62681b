using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Identity;

namespace ContactCenter.Identity.Domain;

internal sealed class User
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

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

    public int FailedLoginCount { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; init; }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed password; the fifth in a row locks the account for a while.</summary>
    public void RecordFailedLogin(DateTime now)
    {
        FailedLoginCount++;
        if (FailedLoginCount >= MaxFailedLogins)
        {
            LockedUntil = now + LockoutDuration;
            FailedLoginCount = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    public UserSummary ToSummary() => new(Id, UserName, DisplayName, Email, Role, IsActive);
}
