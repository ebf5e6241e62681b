using ContactCenter.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Kernel.Http;

public static class ResultHttpExtensions
{
    /// <summary>The success response, or the error as a problem: how every endpoint ends.</summary>
    public static Results<TOk, ProblemHttpResult> ToHttp<T, TOk>(this Result<T> result, Func<T, TOk> onSuccess)
        where TOk : IResult =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();
}
