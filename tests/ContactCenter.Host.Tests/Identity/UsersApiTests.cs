using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Identity;

public abstract class UsersApiTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Anonymous_callers_get_a_401_problem_with_a_stable_code()
    {
        var response = await Host.CreateClient().GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthorized", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task An_unknown_api_key_is_refused()
    {
        var response = await Host.CreateApiKeyClient("cc_not_a_real_key").GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_log_in()
    {
        var admin = Host.CreateAdminClient();

        var (created, user) = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "Joana.Lima",
            displayName = "Joana Lima",
            email = "Joana@Example.com",
            password = "s3cret-pass",
            role = "agent",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("joana.lima", (string?)user["userName"]);
        Assert.Equal("joana@example.com", (string?)user["email"]);
        Assert.Equal("agent", (string?)user["role"]);
        var joana = await Host.LoginAsync("joana.lima", "s3cret-pass");
        var me = await joana.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal("Joana Lima", (string?)me["name"]);
        Assert.Equal("agent", (string?)me["role"]);
    }

    [Fact]
    public async Task Invalid_fields_are_all_reported_and_nothing_is_created()
    {
        var admin = Host.CreateAdminClient();

        var (response, problem) = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "bad name!",
            displayName = "",
            email = "not-an-email",
            password = "short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (string?)problem["code"]);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("userName"));
        Assert.True(errors.ContainsKey("displayName"));
        Assert.True(errors.ContainsKey("email"));
        Assert.True(errors.ContainsKey("password"));
        var users = (await admin.GetJsonAsync("/api/v1/users")).AsArray();
        Assert.Empty(users);
    }

    [Fact]
    public async Task A_login_name_can_be_used_once()
    {
        var admin = Host.CreateAdminClient();
        var user = new { userName = "pedro", displayName = "Pedro", password = "password1", role = "agent" };
        await admin.PostJsonAsync("/api/v1/users", user);

        var (response, problem) = await admin.PostJsonAsync("/api/v1/users", user with { displayName = "Another Pedro" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("user_name_taken", (string?)problem["code"]);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem()
    {
        var admin = Host.CreateAdminClient();
        var content = new StringContent("{ \"userName\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/v1/users", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task An_agent_may_not_manage_users()
    {
        await CreateUserAsync("lucas", "agent");
        var lucas = await Host.LoginAsync("lucas", "password1");

        var response = await lucas.PostJsonAsync("/api/v1/users", new { userName = "x", displayName = "X", password = "password1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Response.StatusCode);
        Assert.Equal("forbidden", (string?)response.Body["code"]);
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_and_blocks_new_logins()
    {
        var id = await CreateUserAsync("marta", "agent");
        var marta = await Host.LoginAsync("marta", "password1");
        Assert.Equal(HttpStatusCode.OK, (await marta.GetAsync("/api/v1/auth/me")).StatusCode);

        var (updated, _) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/users/{id}", new { isActive = false });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await marta.GetAsync("/api/v1/auth/me")).StatusCode);
        var (login, problem) = await Host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { userName = "marta", password = "password1" });
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Equal("deactivated", (string?)problem["code"]);
    }

    private async Task<Guid> CreateUserAsync(string userName, string role)
    {
        var (response, body) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = userName,
            password = "password1",
            role,
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)body["id"]!);
    }
}

public sealed class UsersApiTestsOnSqlite() : UsersApiTests(DatabaseKind.Sqlite);

public sealed class UsersApiTestsOnPostgres() : UsersApiTests(DatabaseKind.Postgres);
