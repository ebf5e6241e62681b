namespace ContactCenter.Kernel.Startup;

/// <summary>
/// Runs once at start-up, after the migrations, in <see cref="Order"/>. Seeders are idempotent: they look
/// before they write, so restarting a node or starting a second one changes nothing.
/// </summary>
public interface IStartupSeeder
{
    int Order { get; }

    Task SeedAsync(SeedContext context, CancellationToken cancellationToken);
}

/// <summary>What the seeders share: whether demo data is wanted, and the lines to print for the newcomer.</summary>
public sealed class SeedContext(bool seedDemoData)
{
    public bool SeedDemoData { get; } = seedDemoData;

    /// <summary>True when this start created the demo data (so its logins are printed).</summary>
    public bool DemoDataCreated { get; set; }

    public List<string> Report { get; } = [];
}
