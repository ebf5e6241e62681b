using ContactCenter.Kernel.Errors;
using ContactCenter.Queues.Contracts;

namespace ContactCenter.Tickets;

/// <summary>The limits of a ticket's fields and the refusals every use case shares (codes clients switch on).</summary>
internal static class TicketRules
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;

    /// <summary>History keeps a changed description cut to this length: enough to recognise it.</summary>
    public const int MaxChangeValue = 500;

    /// <summary>A ticket holds the messages that explain it, not a whole thread.</summary>
    public const int MaxMessagesPerLink = 200;

    public static Error NotFound(int number) =>
        new("ticket_not_found", $"O chamado {number} não existe ou você não pode vê-lo.", 404);

    public static Error ConversationNotFound() =>
        new("conversation_not_found", "A conversa não existe ou você não pode vê-la.", 404);

    public static Error Closed(int number) =>
        Error.Conflict("ticket_closed", $"O chamado {number} está fechado: só um supervisor pode reabri-lo.");

    /// <summary>Two people changed the same ticket at the same moment; the second is refused, not merged blindly.</summary>
    public static Error ChangedMeanwhile(int number) =>
        Error.Conflict("ticket_changed_meanwhile", $"Outra pessoa alterou o chamado {number} agora mesmo; recarregue e tente de novo.");

    public static Error? CheckTitle(string? title) => string.IsNullOrWhiteSpace(title)
        ? Error.Validation("title", "Informe um título para o chamado.")
        : title.Trim().Length > MaxTitle ? Error.Validation("title", $"O título pode ter no máximo {MaxTitle} caracteres.") : null;

    public static Error? CheckDescription(string? description) => description?.Length > MaxDescription
        ? Error.Validation("description", $"A descrição pode ter no máximo {MaxDescription} caracteres.")
        : null;

    public static Error? CheckMessageCount(IReadOnlyCollection<Guid>? messageIds) => messageIds?.Count > MaxMessagesPerLink
        ? Error.Validation("messageIds", $"Vincule no máximo {MaxMessagesPerLink} mensagens de uma vez.")
        : null;

    public static async Task<Error?> CheckAssigneeAsync(IQueuesApi queues, Guid? assigneeId, CancellationToken cancellationToken) =>
        assigneeId is { } assignee && await queues.FindAgentAsync(assignee, cancellationToken) is null
            ? Error.Validation("assigneeId", "Esse atendente não existe.")
            : null;

    public static string? Cut(string? value) => value is { Length: > MaxChangeValue } ? value[..(MaxChangeValue - 1)] + "…" : value;
}
