using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContactCenter.Host.Access;

internal static class AccessControlSetup
{
    public const string Smart = "cookie-or-api-key";

    public const string CookieName = "cc.auth";

    /// <summary>
    /// People log in with a cookie (UI), integrations send <c>Authorization: Bearer &lt;API key&gt;</c>.
    /// One policy scheme picks between them per request; roles rank agent &lt; supervisor &lt; admin.
    /// </summary>
    public static void AddAccessControl(this WebApplicationBuilder builder)
    {
        builder.AddForwardedHeaders();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        builder.Services
            .AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the browser spoke HTTPS, directly or through a known proxy (ForwardedHeadersSetup).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = CookieEvents.Create();
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Agent)))
            .AddPolicy(Policies.Supervisor, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Supervisor)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Admin)));
    }

    private static bool HasRole(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, Role required) =>
        Enum.TryParse<Role>(context.User.FindFirst(ClaimNames.Role)?.Value, ignoreCase: true, out var role)
        && role.Satisfies(required);
}
