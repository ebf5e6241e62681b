using ContactCenter.Identity.Contracts;
using ContactCenter.Identity.Domain;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Identity;
using ContactCenter.Kernel.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Identity.Seeding;

/// <summary>The demo organisation's people: an admin, a supervisor and three agents, all with one password.</summary>
internal sealed class DemoUsersSeeder(
    ContactCenterDbContext db,
    IPasswordHasher<User> hasher,
    TimeProvider clock,
    IDomainEvents events) : IStartupSeeder
{
    public const string Password = "demo1234";

    internal static readonly (string UserName, string Name, string Email, Role Role)[] People =
    [
        ("admin", "Administrador Demo", "admin@demo.contactcenter.local", Role.Admin),
        ("supervisor", "Sofia Supervisora", "sofia@demo.contactcenter.local", Role.Supervisor),
        ("ana", "Ana Atendente", "ana@demo.contactcenter.local", Role.Agent),
        ("bruno", "Bruno Corretor", "bruno@demo.contactcenter.local", Role.Agent),
        ("carla", "Carla Suporte", "carla@demo.contactcenter.local", Role.Agent),
    ];

    public int Order => 10;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        // Only into an empty organisation: demo people never appear in a database someone already uses.
        if (!context.SeedDemoData || await db.Set<User>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (userName, name, email, role) in People)
        {
            var user = new User
            {
                UserName = userName,
                DisplayName = name,
                Email = email,
                Role = role,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Set<User>().Add(user);
            events.Raise(new UserCreated(user.Id, user.UserName, user.DisplayName, user.Role));
        }

        await db.SaveChangesAsync(cancellationToken);
        context.DemoDataCreated = true;
        context.Report.Add("  Demo logins (password for all: " + Password + "):");
        context.Report.AddRange(People.Select(p => $"    {p.UserName,-11} {p.Role.ToString().ToLowerInvariant(),-11} {p.Name}"));
    }
}
