namespace ContactCenter.Conversations.WrapUp;

/// <summary>
/// Why the contact got in touch, chosen from the admin's list when a conversation is finished ("Venda realizada",
/// "Dúvida respondida" …). Deactivated instead of deleted, so finished conversations keep naming it.
/// </summary>
internal sealed class ContactReason
{
    public const int MaxName = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; init; }
}
