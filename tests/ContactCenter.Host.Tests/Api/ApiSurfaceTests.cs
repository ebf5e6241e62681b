using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Api;

/// <summary>What an integrator relies on: a documented, versioned API that fails in one well-known shape.</summary>
public sealed class ApiSurfaceTests : HostTest
{
    public ApiSurfaceTests()
        : base(DatabaseKind.Sqlite)
    {
    }

    [Fact]
    public async Task Swagger_documents_the_versioned_api()
    {
        var swagger = await Host.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");

        var paths = swagger["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/users", paths);
        Assert.Contains("/api/v1/api-keys", paths);
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateClient().GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public void Every_api_endpoint_has_a_name_a_summary_and_a_tag()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        var missing = endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null
                || e.Metadata.GetMetadata<IEndpointSummaryMetadata>() is null
                || e.Metadata.GetMetadata<ITagsMetadata>() is null)
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(missing.Count == 0, "Undocumented endpoints: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task An_unknown_api_route_answers_a_404_problem_not_a_web_page()
    {
        var response = await Host.CreateAdminClient().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task Liveness_answers_without_authentication()
    {
        var response = await Host.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Requests_are_logged_to_the_data_folder_with_their_correlation_id()
    {
        var client = Host.CreateAdminClient();
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "corr-4711");

        var response = await client.GetAsync("/api/v1/users");

        Assert.Equal("corr-4711", response.Headers.GetValues("X-Correlation-Id").Single());
        var logFile = Directory.GetFiles(Path.Combine(Host.Database.DataDirectory, "logs"), "contactcenter-*.log").Single();
        await using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var log = await new StreamReader(stream).ReadToEndAsync();
        Assert.Contains(log.Split('\n'), line => line.Contains("corr-4711", StringComparison.Ordinal)
            && line.Contains("GET /api/v1/users responded 200", StringComparison.Ordinal));
    }
}
