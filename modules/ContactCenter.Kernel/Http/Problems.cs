using ContactCenter.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Kernel.Http;

public static class Problems
{
    /// <summary>RFC 7807 problem details carrying the error's stable <c>code</c> (and field errors).</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: error.Status,
            title: TitleFor(error.Status),
            extensions: extensions);
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "You may not do this.",
        404 => "Not found.",
        409 => "Conflict with the current state.",
        _ => "The request failed.",
    };
}
