using ContactCenter.Host.Access;
using ContactCenter.Host.Ui;

namespace ContactCenter.Host.Setup;

internal static class PipelineSetup
{
    public static void UseContactCenterPipeline(this WebApplication app)
    {
        // First: the browser's scheme and address (from a known proxy only) for everything after.
        app.UseKnownProxies();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusPages();
        // After the status pages: re-executing a 404 as the HTML page has to route again.
        app.UseRouting();
        // Before authentication: another site's change is refused before anything acts on the cookie.
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CurrentUserMiddleware>();
    }
}
