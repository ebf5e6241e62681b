using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Identity.Auth;

internal static class LoginMessages
{
    /// <summary>
    /// One answer for unknown names, wrong passwords and attempts held by the throttle, so logins cannot be probed.
    /// "Deactivated" is told only to whoever typed the right password.
    /// </summary>
    public static Error ToError(LoginResult result) => result.Outcome switch
    {
        LoginOutcome.Deactivated => new Error("deactivated", "This user was deactivated. Ask an admin.", 403),
        _ => new Error("invalid_credentials", "The login name or password is wrong.", 401),
    };
}
