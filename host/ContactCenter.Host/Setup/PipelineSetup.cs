using ContactCenter.Host.Access;
using ContactCenter.Host.Ui;

namespace ContactCenter.Host.Setup;

internal static class PipelineSetup
{
    public static void UseContactCenterPipeline(this WebApplication app)
    {
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusPages();
        // After the status pages: re-executing a 404 as the HTML page has to route again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CurrentUserMiddleware>();
    }
}
