using ContactCenter.Kernel.Audit;

namespace ContactCenter.Identity.Users;

/// <summary>What the audit log keeps of a user: the fields an admin changes; the password only as "set" or "changed".</summary>
internal static class UserAudit
{
    public static AuditTarget Target(User user) => AuditTarget.Of("user", user.Id, user.UserName);

    public static object Snapshot(User user, AuditSecret password) =>
        new { user.UserName, user.DisplayName, user.Email, user.Role, user.IsActive, Password = password };
}
