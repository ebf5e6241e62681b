namespace ContactCenter.Kernel.Identity;

/// <summary>What a user may do. Serialised as camelCase strings (<c>admin</c>, <c>supervisor</c>, <c>agent</c>).</summary>
public enum Role
{
    Agent,
    Supervisor,
    Admin,
}

/// <summary>Authorization policy names; each admits its role and every role above it.</summary>
public static class Policies
{
    public const string Agent = "role:agent";
    public const string Supervisor = "role:supervisor";
    public const string Admin = "role:admin";

    /// <summary>Roles ordered by rank, so <c>Admin</c> passes a supervisor check.</summary>
    public static bool Satisfies(this Role role, Role required) => role >= required;
}
