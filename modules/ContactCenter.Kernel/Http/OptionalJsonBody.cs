using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Kernel.Http;

/// <summary>
/// For actions whose JSON body is optional (finish a conversation, finish a task): a declared body parameter makes
/// routing skip the endpoint when a bare POST carries no JSON content type, and the caller would get a puzzling 404.
/// </summary>
public static class OptionalJsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null when the request has no JSON body.</summary>
    public static async Task<T?> ReadOptionalJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        request.HasJsonContentType() && request.ContentLength != 0
            ? await request.ReadFromJsonAsync<T>(cancellationToken)
            : null;
}
