using System.Net;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Queues.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Presence;

public abstract class RoutingSettingsTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task The_defaults_apply_until_an_admin_saves_settings_which_then_routing_reads()
    {
        var admin = Host.CreateAdminClient();
        var before = await admin.GetJsonAsync("/api/v1/routing/settings");

        var (response, saved) = await admin.PutJsonAsync("/api/v1/routing/settings", new
        {
            backlogRoundSeconds = 60,
            firstResponseTimeoutSeconds = 600,
            unansweredLeadMinutes = 30,
            awayAfterDisconnectSeconds = 45,
        });

        Assert.Equal(30, (int)before["backlogRoundSeconds"]!);
        Assert.Equal(120, (int)before["awayAfterDisconnectSeconds"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(600, (int)saved["firstResponseTimeoutSeconds"]!);
        Assert.Equal(45, (int)(await admin.GetJsonAsync("/api/v1/routing/settings"))["awayAfterDisconnectSeconds"]!);
        await using var scope = Host.Services.CreateAsyncScope();
        var read = await scope.ServiceProvider.GetRequiredService<IQueuesApi>().GetRoutingSettingsAsync(default);
        Assert.Equal(new RoutingSettingsDto(60, 600, 30, 45), read);
    }

    [Fact]
    public async Task Saving_again_replaces_the_one_stored_row()
    {
        var admin = Host.CreateAdminClient();
        await admin.PutJsonAsync("/api/v1/routing/settings", new { backlogRoundSeconds = 60, firstResponseTimeoutSeconds = 600, unansweredLeadMinutes = 30, awayAfterDisconnectSeconds = 45 });

        var (response, _) = await admin.PutJsonAsync("/api/v1/routing/settings", new { backlogRoundSeconds = 5, firstResponseTimeoutSeconds = 30, unansweredLeadMinutes = 1, awayAfterDisconnectSeconds = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await admin.GetJsonAsync("/api/v1/routing/settings");
        Assert.Equal(5, (int)read["backlogRoundSeconds"]!);
        Assert.Equal(10, (int)read["awayAfterDisconnectSeconds"]!);
    }

    [Fact]
    public async Task Values_out_of_range_or_missing_are_refused_field_by_field_and_nothing_changes()
    {
        var admin = Host.CreateAdminClient();

        var (response, problem) = await admin.PutJsonAsync("/api/v1/routing/settings", new
        {
            backlogRoundSeconds = 4,
            firstResponseTimeoutSeconds = 86401,
            unansweredLeadMinutes = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            ["awayAfterDisconnectSeconds", "backlogRoundSeconds", "firstResponseTimeoutSeconds", "unansweredLeadMinutes"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("5 to 3600 seconds", (string?)errors["backlogRoundSeconds"]![0], StringComparison.Ordinal);
        Assert.Equal(30, (int)(await admin.GetJsonAsync("/api/v1/routing/settings"))["backlogRoundSeconds"]!);
    }

    [Fact]
    public async Task Only_admins_read_and_change_the_settings()
    {
        await Host.CreateUserAsync("sofia", "supervisor");
        var sofia = await Host.LoginAsync("sofia", Arrange.Password);

        var read = await sofia.GetAsync("/api/v1/routing/settings");
        var (write, _) = await sofia.PutJsonAsync("/api/v1/routing/settings", new { backlogRoundSeconds = 60, firstResponseTimeoutSeconds = 600, unansweredLeadMinutes = 30, awayAfterDisconnectSeconds = 45 });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}

public sealed class RoutingSettingsTestsOnSqlite() : RoutingSettingsTests(DatabaseKind.Sqlite);

public sealed class RoutingSettingsTestsOnPostgres() : RoutingSettingsTests(DatabaseKind.Postgres);
