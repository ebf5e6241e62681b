using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Identity.Auth;

internal static class LoginMessages
{
    /// <summary>One message for unknown names and wrong passwords, so logins cannot be probed.</summary>
    public static Error ToError(LoginResult result) => result.Outcome switch
    {
        LoginOutcome.LockedOut => new Error(
            "locked_out",
            $"Too many failed attempts. Try again after {result.LockedUntil:HH:mm} UTC or ask an admin to reset your password.",
            423),
        LoginOutcome.Deactivated => new Error("deactivated", "This user was deactivated. Ask an admin.", 403),
        _ => new Error("invalid_credentials", "The login name or password is wrong.", 401),
    };
}
