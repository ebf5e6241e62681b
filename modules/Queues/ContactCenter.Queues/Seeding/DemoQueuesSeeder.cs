using ContactCenter.Channels.Contracts;
using ContactCenter.Identity.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using ContactCenter.Queues.Agents;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Domain;
using ContactCenter.Queues.Products;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Queues.Seeding;

/// <summary>
/// The demo organisation's teams and products, staffed with Identity's demo people (seeded at Order 10):
/// ana and bruno sell in Comercial, carla supports in Suporte, the supervisor oversees both. Both teams serve the
/// demo sandbox number (Channels seeds it at Order 30, hence Order 40 here), so a trial conversation is routed:
/// it goes to Comercial, the first of them by name.
/// </summary>
internal sealed class DemoQueuesSeeder(ContactCenterDbContext db, IIdentityApi identity, IChannelsApi channels, AgentProfiles profiles, TimeProvider clock)
    : IStartupSeeder
{
    public int Order => 40;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemoData || await db.Set<Team>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var comercial = NewTeam("Comercial", "Vendas: imóveis e veículos.", TeamRoutingMode.Auto, now);
        var suporte = NewTeam("Suporte", "Atendimento a clientes.", TeamRoutingMode.Pool, now);
        var jardim = NewProduct("Residencial Jardim das Flores", comercial, now);
        var seminovos = NewProduct("Seminovos Premium", comercial, now);
        var tecnico = NewProduct("Suporte Técnico", suporte, now);
        var sandbox = (await channels.ListAccountsAsync(cancellationToken)).Where(a => a.PluginId == "sandbox").MinBy(a => a.CreatedAt);
        if (sandbox is not null)
        {
            comercial.ChannelAccounts.Add(new TeamChannelAccount { TeamId = comercial.Id, ChannelAccountId = sandbox.Id });
            suporte.ChannelAccounts.Add(new TeamChannelAccount { TeamId = suporte.Id, ChannelAccountId = sandbox.Id });
        }

        db.Set<Team>().AddRange(comercial, suporte);
        db.Set<Product>().AddRange(jardim, seminovos, tecnico);

        await StaffAsync("ana", [comercial], [jardim, seminovos], cancellationToken);
        await StaffAsync("bruno", [comercial], [jardim, seminovos], cancellationToken);
        await StaffAsync("carla", [suporte], [tecnico], cancellationToken);
        await StaffAsync("supervisor", [comercial, suporte], [], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        context.Report.Add("  Demo teams: Comercial (auto), Suporte (pool); products: " +
            $"{jardim.Name}, {seminovos.Name} (Comercial), {tecnico.Name} (Suporte)" +
            (sandbox is null ? "." : $"; both serve {sandbox.Name}."));
    }

    private async Task StaffAsync(string userName, Team[] teams, Product[] products, CancellationToken cancellationToken)
    {
        // Identity only seeds its people into an empty organisation; without them the teams stay empty.
        if (await identity.FindUserByNameAsync(userName, cancellationToken) is not { } user)
        {
            return;
        }

        foreach (var team in teams)
        {
            team.Members.Add(new TeamMember { TeamId = team.Id, UserId = user.Id });
        }

        var profile = await profiles.EnsureAsync(user.Id, cancellationToken);
        foreach (var product in products.Where(p => profile.Products.All(x => x.ProductId != p.Id)))
        {
            profile.Products.Add(new AgentProduct { UserId = user.Id, ProductId = product.Id });
        }
    }

    private static Team NewTeam(string name, string description, TeamRoutingMode mode, DateTime now) => new()
    {
        Name = name,
        NormalizedName = Team.Normalize(name),
        Description = description,
        RoutingMode = mode,
        CreatedAt = now,
    };

    private static Product NewProduct(string name, Team team, DateTime now) => new()
    {
        Name = name,
        Slug = ProductRules.Slugify(name),
        TeamId = team.Id,
        CreatedAt = now,
    };
}
