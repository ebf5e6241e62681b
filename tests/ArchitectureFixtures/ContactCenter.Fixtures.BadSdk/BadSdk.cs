using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Fixtures.BadSdk;

/// <summary>Logging and System.Text.Json are allowed in the SDK; HttpContext is not.</summary>
public static class BadSdk
{
    public static string Describe(HttpContext context, ILogger logger)
    {
        logger.LogInformation("describing");
        return JsonSerializer.Serialize(context.Request.Path.Value);
    }
}
