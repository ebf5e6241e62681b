using ContactCenter.Ui.Tests.Infrastructure;

namespace ContactCenter.Ui.Tests;

/// <summary>
/// An admin starts the product the way the ASP.NET Core documentation says; each form must bring it up on that address
/// (before, <c>--urls http://…</c> stopped with "Unknown command"). No browser needed: the health endpoint answers.
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(UrlsForm.SeparateValue)]
    [InlineData(UrlsForm.EqualsSign)]
    [InlineData(UrlsForm.EnvironmentVariable)]
    public async Task The_host_listens_where_the_admin_said(UrlsForm form)
    {
        await using var host = await UiHost.StartAsync(form);

        using var client = new HttpClient();
        using var response = await client.GetAsync(host.BaseUrl + "/health/live");

        Assert.True(response.IsSuccessStatusCode, $"GET /health/live answered {(int)response.StatusCode}");
    }
}
