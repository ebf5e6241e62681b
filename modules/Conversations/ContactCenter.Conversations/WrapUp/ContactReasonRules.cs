using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Conversations.WrapUp;

/// <summary>What a contact reason must be, shared by create and update.</summary>
internal static class ContactReasonRules
{
    public static string? CleanName(Validator validator, string? name)
    {
        validator.Require("name", name, "Give the reason a name, e.g. \"Venda realizada\".");
        validator.Check((name?.Trim().Length ?? 0) <= ContactReason.MaxName, "name", $"A reason has at most {ContactReason.MaxName} characters.");
        return name?.Trim();
    }

    public static Error NameTaken(string name) => Error.Conflict("reason_exists", $"There is already a contact reason named \"{name}\".");

    public static ContactReasonDto ToDto(this ContactReason reason) => new(reason.Id, reason.Name, reason.IsActive);

    /// <summary>What the audit log keeps of a reason (admins change the list agents finish conversations with).</summary>
    public static AuditTarget AuditTargetOf(ContactReason reason) => AuditTarget.Of("contactReason", reason.Id, reason.Name);

    public static object AuditSnapshot(ContactReason reason) => new { reason.Name, reason.IsActive };
}
