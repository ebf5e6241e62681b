using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Values;

namespace ContactCenter.Identity.Users;

/// <summary>The field rules shared by creating and editing a user.</summary>
internal static class UserRules
{
    public const int MinPasswordLength = 8;

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public static void CheckUserName(Validator validator, string? userName)
    {
        validator.Require("userName", userName, "A login name is required.");
        if (!string.IsNullOrWhiteSpace(userName))
        {
            var name = NormalizeUserName(userName);
            validator.Check(
                name.Length <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'),
                "userName",
                "Use up to 100 letters, digits, '.', '_', '-' or '@'.");
        }
    }

    public static void CheckDisplayName(Validator validator, string? displayName)
    {
        validator.Require("displayName", displayName, "A name is required.");
        validator.Check((displayName?.Trim().Length ?? 0) <= 200, "displayName", "Use at most 200 characters.");
    }

    public static string? CheckEmail(Validator validator, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        validator.Check(EmailAddress.TryParse(email, out var parsed), "email", "This is not a valid e-mail address.");
        return parsed.Value;
    }

    public static void CheckPassword(Validator validator, string? password) =>
        validator.Check(
            password is { Length: >= MinPasswordLength },
            "password",
            $"The password needs at least {MinPasswordLength} characters.");
}
