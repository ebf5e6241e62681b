using ContactCenter.Host.Access;

namespace ContactCenter.Host.Setup;

internal static class PipelineSetup
{
    public static void UseContactCenterPipeline(this WebApplication app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CurrentUserMiddleware>();
    }
}
