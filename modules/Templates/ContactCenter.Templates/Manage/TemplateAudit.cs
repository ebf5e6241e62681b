using ContactCenter.Kernel.Audit;

namespace ContactCenter.Templates.Manage;

/// <summary>What the audit log keeps of a template: its text and its status.</summary>
internal static class TemplateAudit
{
    public static AuditTarget Target(Template template) => AuditTarget.Of("template", template.Id, $"{template.Name} ({template.Language})");

    public static object Snapshot(Template template) => new
    {
        template.ChannelAccountId,
        template.Name,
        template.Language,
        template.Category,
        template.HeaderText,
        template.HeaderExample,
        template.Body,
        template.BodyExamplesJson,
        template.Footer,
        template.ButtonsJson,
        template.BindingsJson,
        template.Status,
        template.Reason,
    };
}
