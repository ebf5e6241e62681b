using ContactCenter.Kernel.Errors;
using ContactCenter.Tickets.Contracts;
using Microsoft.Extensions.Localization;

namespace ContactCenter.Tickets.Ui;

/// <summary>Words for statuses, priorities and history lines, in the user's language.</summary>
internal static class TicketLabels
{
    public static string Status(IStringLocalizer<Strings> l, TicketStatus status) => l["Status_" + status];

    public static string Priority(IStringLocalizer<Strings> l, TicketPriority priority) => l["Priority_" + priority];

    /// <summary>Status and priority values are stored as the API spells them (camelCase); shown translated.</summary>
    public static string? Value(IStringLocalizer<Strings> l, string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        ("status", _) when Enum.TryParse<TicketStatus>(value, true, out var s) => Status(l, s),
        ("priority", _) when Enum.TryParse<TicketPriority>(value, true, out var p) => Priority(l, p),
        _ => value,
    };

    public static string Change(IStringLocalizer<Strings> l, TicketChangeDto change) => change.Field switch
    {
        "created" => l["opened the ticket"],
        "messages" => l["linked {0} message(s)", change.To ?? "0"],
        _ => l["changed {0} from {1} to {2}", l["Field_" + change.Field], Value(l, change.Field, change.From) ?? "—", Value(l, change.Field, change.To) ?? "—"],
    };

    /// <summary>The use case's message is already in pt-BR; field problems are listed after it.</summary>
    public static string Error(Error error) =>
        error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.Values.SelectMany(v => v)) : error.Message;
}
