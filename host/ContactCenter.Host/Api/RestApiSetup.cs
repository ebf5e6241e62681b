using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace ContactCenter.Host.Api;

internal static class RestApiSetup
{
    public const string Version = "v1";

    /// <summary>camelCase JSON with enums as camelCase strings, RFC 7807 errors, Swagger at /swagger.</summary>
    public static void AddRestApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(Version, new OpenApiInfo
            {
                Title = "ContactCenter API",
                Version = Version,
                Description = "Everything an agent can do in the web UI, for integrations. Authenticate with " +
                    "'Authorization: Bearer <API key>' (keys are created by admins) or the UI's login cookie.",
            });
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition("apiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key created under Admin → API keys.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("apiKey", document)] = [],
            });
        });
    }

    /// <summary>Slices nest their Request records, so "CreateUser.Request" becomes "CreateUserRequest".</summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId))
            : type.Name;
        return type.IsNested && !type.IsGenericParameter ? SchemaId(type.DeclaringType!) + name : name;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>Every module's endpoints under <c>/api/v1</c>, authenticated unless an endpoint says otherwise.</summary>
    public static void MapRestApi(this WebApplication app, IReadOnlyList<IContactCenterModule> modules)
    {
        var api = app.MapGroup($"/api/{Version}").RequireAuthorization();
        foreach (var module in modules)
        {
            module.MapEndpoints(api);
            module.MapPublicEndpoints(app);
        }

        // Unknown API routes get a problem, not the UI's HTML.
        app.Map($"/api/{{**path}}", () => TypedResults.Problem(
                statusCode: 404,
                title: "Not found.",
                detail: "There is no such API endpoint.",
                extensions: new Dictionary<string, object?> { ["code"] = "not_found" }))
            .ExcludeFromDescription();
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{Version}/swagger.json", "ContactCenter API v1");
            o.DocumentTitle = "ContactCenter API";
        });
    }
}
