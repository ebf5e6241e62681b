using ContactCenter.Kernel.Errors;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Identity.Ui;

/// <summary>
/// The handlers speak English (the API's language); the pages show their errors in the user's language.
/// A message is looked up by its code first, then by its English text, and shown as it is when neither is known.
/// </summary>
internal static class ErrorText
{
    public static string Message(this IStringLocalizer localizer, Error error)
    {
        var byCode = localizer["Error_" + error.Code];
        return byCode.ResourceNotFound ? localizer[error.Message] : byCode;
    }

    public static IEnumerable<string> FieldErrors(this IStringLocalizer localizer, Error? error, string field) =>
        error?.Fields is { } fields && fields.TryGetValue(field, out var messages)
            ? messages.Select(m => localizer[m].Value)
            : [];
}
