namespace ContactCenter.Kernel.Errors;

/// <summary>
/// A failure a caller can act on. <see cref="Code"/> is stable (clients switch on it); <see cref="Message"/>
/// is for people. The API turns it into an RFC 7807 problem, the UI shows the message.
/// </summary>
public sealed record Error(string Code, string Message, int Status = 400)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    public static Error NotFound(string what) => new("not_found", $"{what} was not found.", 404);

    public static Error Conflict(string code, string message) => new(code, message, 409);

    public static Error Forbidden(string message) => new("forbidden", message, 403);

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation_failed", "One or more fields are invalid.", 400) { Fields = fields };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
