using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ContactCenter.Host.Access;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the request reaching the host is plain HTTP; the proxy says what the
/// browser used in <c>X-Forwarded-Proto</c> / <c>X-Forwarded-For</c>. Those headers are believed only from the
/// addresses listed in <c>ContactCenter:KnownProxies</c> (addresses or CIDR ranges); with none listed, never. Then the
/// session cookie is Secure whenever the browser spoke HTTPS, and throttling and logs see the real client address.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "ContactCenter:KnownProxies";

    public static void AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = (builder.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // None listed: nothing forwarded is believed, even if ASPNETCORE_FORWARDEDHEADERS_ENABLED switched the
            // framework's own middleware on (it would otherwise trust any sender).
            o.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback: cleared, so only what the admin listed counts.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in proxies)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
    }

    public static void UseKnownProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }
    }
}
