using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Data;

public static class DbContextExtensions
{
    /// <summary>True when the context talks to PostgreSQL (several nodes may race for the same rows).</summary>
    public static bool IsPostgres(this DbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
