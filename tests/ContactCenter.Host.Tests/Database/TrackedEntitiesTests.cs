using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Host.Tests.Database;

/// <summary>
/// <c>Tracked&lt;T&gt;()</c>, the unit of work's own answer the inbox handlers rely on (a row it does not show is taken
/// as not there): it shows what is added or loaded, before or after its first read, never a deleted row, never a row
/// the context stopped tracking (<c>ChangeTracker.Clear()</c> raises no event), and each row once.
/// </summary>
public abstract class TrackedEntitiesTests(DatabaseKind kind) : HostTest(kind)
{
    [Fact]
    public async Task Shows_added_and_loaded_rows_once_and_never_deleted_or_cleared_ones()
    {
        var tag = "tracked-" + Guid.NewGuid().ToString("N");
        await using (var seed = Host.Services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            db.AddRange(Key(tag, "stored 1"), Key(tag, "stored 2"));
            await db.SaveChangesAsync();
        }

        await using var scope = Host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var before = Key(tag, "added before the first read");
        context.Add(before);
        Assert.Equal(["added before the first read"], Names(context, tag));

        var stored = await context.Set<DataProtectionKey>().Where(k => k.Xml == tag).ToListAsync();
        var after = Key(tag, "added after");
        context.Add(after);
        Assert.Equal(["added after", "added before the first read", "stored 1", "stored 2"], Names(context, tag));

        // Loaded again: the same instances, still once each.
        await context.Set<DataProtectionKey>().Where(k => k.Xml == tag).LoadAsync();
        Assert.Equal(4, context.Tracked<DataProtectionKey>().Count(k => k.Xml == tag));

        context.Remove(stored.Single(k => k.FriendlyName == "stored 1"));
        context.Entry(before).State = EntityState.Detached;
        Assert.Equal(["added after", "stored 2"], Names(context, tag));

        // Deleted, then added back without being tracked anew.
        context.Entry(stored.Single(k => k.FriendlyName == "stored 1")).State = EntityState.Modified;
        Assert.Equal(["added after", "stored 1", "stored 2"], Names(context, tag));

        context.ChangeTracker.Clear();
        Assert.Empty(Names(context, tag));

        // Tracked again after the clear: shown again, once.
        await context.Set<DataProtectionKey>().Where(k => k.Xml == tag).LoadAsync();
        context.Add(before);
        Assert.Equal(["added before the first read", "stored 1", "stored 2"], Names(context, tag));
    }

    [Fact]
    public async Task Shows_rows_in_the_order_they_started_being_tracked_also_after_a_clear()
    {
        // Handlers order ties (two modifiers of one second) by this order: it must be the order the batch added them in.
        var tag = "order-" + Guid.NewGuid().ToString("N");
        await using var scope = Host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var names = Enumerable.Range(1, 40).Select(i => $"row {i:D2}").ToList();
        foreach (var name in names.Take(20))
        {
            context.Add(Key(tag, name));
        }

        Assert.Equal(names.Take(20), InOrder(context, tag));
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
        Assert.Empty(InOrder(context, tag));

        // Freed places must not be reused out of order by the next rows.
        foreach (var name in names.Skip(20))
        {
            context.Add(Key(tag, name));
        }

        Assert.Equal(names.Skip(20), InOrder(context, tag));
    }

    private static List<string> InOrder(ContactCenterDbContext context, string tag) =>
        [.. context.Tracked<DataProtectionKey>().Where(k => k.Xml == tag).Select(k => k.FriendlyName!)];

    private static DataProtectionKey Key(string tag, string name) => new() { FriendlyName = name, Xml = tag };

    private static List<string> Names(ContactCenterDbContext context, string tag) =>
        [.. context.Tracked<DataProtectionKey>().Where(k => k.Xml == tag).Select(k => k.FriendlyName).Order(StringComparer.Ordinal)];
}

public sealed class TrackedEntitiesTestsOnSqlite() : TrackedEntitiesTests(DatabaseKind.Sqlite);

public sealed class TrackedEntitiesTestsOnPostgres() : TrackedEntitiesTests(DatabaseKind.Postgres);
