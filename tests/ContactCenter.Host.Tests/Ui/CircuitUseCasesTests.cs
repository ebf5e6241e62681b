using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Users;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Ui;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Ui;

/// <summary>A page's use case runs as the circuit's user, in a scope of its own, through the API's handler.</summary>
public abstract class CircuitUseCasesTests(DatabaseKind kind) : HostTest(kind)
{
    protected override bool SeedDemoData => true;

    [Fact]
    public async Task The_handler_sees_the_circuit_user_as_the_caller()
    {
        await using var circuit = Host.Services.CreateAsyncScope();
        var identity = circuit.ServiceProvider.GetRequiredService<IIdentityApi>();
        var admin = (await identity.FindUserByNameAsync("admin", default))!;
        var ana = (await identity.FindUserByNameAsync("ana", default))!;
        SignIn(circuit.ServiceProvider, admin);
        var useCases = circuit.ServiceProvider.GetRequiredService<IUseCases>();

        // The rule "an admin cannot deactivate themselves" only holds if the handler knows who calls.
        var self = await useCases.RunAsync<UpdateUser.Handler, Result<UserSummary>>(h =>
            h.HandleAsync(admin.Id, new UpdateUser.Request(null, null, null, false, null), default));
        var other = await useCases.RunAsync<UpdateUser.Handler, Result<UserSummary>>(h =>
            h.HandleAsync(ana.Id, new UpdateUser.Request(null, null, null, false, null), default));

        Assert.Equal("validation_failed", self.Error?.Code);
        Assert.True(self.Error!.Fields!.ContainsKey("isActive"));
        Assert.True(other.IsSuccess);
        Assert.False(other.Value.IsActive);
    }

    [Fact]
    public async Task Each_call_gets_a_fresh_unit_of_work()
    {
        await using var circuit = Host.Services.CreateAsyncScope();
        var identity = circuit.ServiceProvider.GetRequiredService<IIdentityApi>();
        var admin = (await identity.FindUserByNameAsync("admin", default))!;
        SignIn(circuit.ServiceProvider, admin);
        var useCases = circuit.ServiceProvider.GetRequiredService<IUseCases>();

        var before = await useCases.RunAsync<ListUsers.Handler, IReadOnlyList<UserSummary>>(h => h.HandleAsync(default));
        await Host.CreateAdminClient().PostJsonAsync("/api/v1/users", new { userName = "nova", displayName = "Nova Pessoa", password = "password1" });
        var after = await useCases.RunAsync<ListUsers.Handler, IReadOnlyList<UserSummary>>(h => h.HandleAsync(default));

        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, u => u.UserName == "nova");
    }

    private static void SignIn(IServiceProvider circuit, UserSummary user)
    {
        var principal = Principals.ForUser(user.Id, user.DisplayName, user.Role, "stamp", "Cookies");
        var provider = (IHostEnvironmentAuthenticationStateProvider)circuit.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }
}

public sealed class CircuitUseCasesTestsOnSqlite() : CircuitUseCasesTests(DatabaseKind.Sqlite);

public sealed class CircuitUseCasesTestsOnPostgres() : CircuitUseCasesTests(DatabaseKind.Postgres);
