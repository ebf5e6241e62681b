namespace ContactCenter.Kernel.Errors;

/// <summary>Collects field errors so a form shows every problem at once instead of one per submit.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public Validator Require(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, message);
        }

        return this;
    }

    public Validator Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    public Error ToError() => Error.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
