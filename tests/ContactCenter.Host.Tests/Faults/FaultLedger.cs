using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Faults;

/// <summary>What one fault test counted: the figures of bench/README.md's "Faults survived" table.</summary>
/// <param name="Acknowledged">Webhooks answered 2xx (or sends queued), each counted once.</param>
/// <param name="Processed">Of those, how many ended up stored (or accepted by the provider).</param>
/// <param name="Lost">Acknowledged but never stored: must be 0.</param>
/// <param name="Doubled">Stored (or sent) more than once: must be 0.</param>
/// <param name="DoubleAssignments">A contact with two open conversations on one account: must be 0.</param>
public sealed record FaultCounts(int Acknowledged, int Processed, int Lost, int Doubled, int DoubleAssignments);

/// <summary>
/// Writes each fault test's counts to <c>TestResults/faults-survived/&lt;fault&gt;.md</c> under this test project (one
/// file per fault, so tests running in parallel never share one), for the table in bench/README.md.
/// </summary>
public static class FaultLedger
{
    public static string Directory { get; } = Path.Combine(TestPaths.RepoRoot, "tests", "ContactCenter.Host.Tests", "TestResults", "faults-survived");

    public static void Record(string fault, FaultCounts counts)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = new string([.. fault.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        var line = $"| {fault} | {counts.Acknowledged} | {counts.Processed} | {counts.Lost} | {counts.Doubled} | {counts.DoubleAssignments} | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |";
        File.WriteAllText(Path.Combine(Directory, (name.Length > 80 ? name[..80] : name) + ".md"), line + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
