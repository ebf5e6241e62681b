namespace ContactCenter.Kernel.Identity;

/// <summary>Claims the host puts on every authenticated principal (cookie or API key).</summary>
public static class ClaimNames
{
    public const string UserId = "cc:uid";
    public const string Role = "cc:role";
    public const string Name = "cc:name";
    public const string AuthKind = "cc:kind";
    public const string SecurityStamp = "cc:stamp";
}
