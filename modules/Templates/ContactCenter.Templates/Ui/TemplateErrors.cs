using ContactCenter.Kernel.Errors;
using ContactCenter.Templates.Domain;
using ContactCenter.Templates.Manage;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Templates.Ui;

/// <summary>
/// The refusals of the template use cases in the user's language, by their stable code; a code without a text here
/// shows the handler's own message (the template handlers already speak pt-BR).
/// </summary>
internal static class TemplateErrors
{
    public static string Text(IStringLocalizer localizer, Error error)
    {
        // These carry the provider's own words, which no fixed sentence can replace.
        if (error.Code is "channel_unavailable")
        {
            return error.Message;
        }

        if (error.Code == "validation_failed" && error.Fields?.ContainsKey("channelAccountId") == true)
        {
            return localizer["Choose the channel account the template belongs to."];
        }

        var byCode = localizer["Error_" + error.Code];
        return byCode.ResourceNotFound ? error.Message : byCode;
    }

    /// <summary>What a submission led to: approved at once, waiting for the review, or refused by the provider's own check.</summary>
    public static string Submitted(IStringLocalizer localizer, TemplateView template) => template.Status switch
    {
        TemplateStatuses.Approved => localizer["Template {0} is approved: agents can send it now.", template.Name],
        TemplateStatuses.Rejected => localizer["The provider refused template {0}: {1}. Fix it and submit it again.", template.Name, template.Reason ?? "—"],
        _ => localizer["Template {0} was sent for approval. The review can take a while; press Sync now to check.", template.Name],
    };
}
