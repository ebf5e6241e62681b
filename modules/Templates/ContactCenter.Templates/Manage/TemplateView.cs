using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Kernel.Errors;
using ContactCenter.Templates.Contracts;
using ContactCenter.Templates.Domain;
using ContactCenter.Templates.Linting;

namespace ContactCenter.Templates.Manage;

/// <summary>A template as the API shows it.</summary>
internal sealed record TemplateView(
    Guid Id,
    Guid ChannelAccountId,
    string Name,
    string Language,
    string Category,
    string? HeaderText,
    string? HeaderExample,
    string Body,
    IReadOnlyList<string> BodyExamples,
    string? Footer,
    IReadOnlyList<string> Buttons,
    IReadOnlyDictionary<string, string> Bindings,
    string Status,
    string? Reason,
    string? ProviderTemplateId,
    DateTime? StatusChangedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TemplateUsage? Usage = null);

/// <summary>How often a template was billed (the list and the single read carry it; the writes do not).</summary>
/// <param name="Last30Days">Sends in the 30 days up to now.</param>
internal sealed record TemplateUsage(int Total, int Last30Days, DateTime? LastSentAt);

/// <summary>The body both create and update accept.</summary>
/// <param name="Bindings">"body:1" → "contact.name": a variable filled from the contact by default.</param>
internal sealed record TemplateRequest(
    Guid? ChannelAccountId,
    string? Name,
    string? Language,
    string? Category,
    string? HeaderText,
    string? HeaderExample,
    string? Body,
    IReadOnlyList<string>? BodyExamples,
    string? Footer,
    IReadOnlyList<string>? Buttons,
    IReadOnlyDictionary<string, string>? Bindings)
{
    public TemplateDraft ToDraft() => new(Name?.Trim(), Language?.Trim(), Category?.Trim().ToLowerInvariant(), Empty(HeaderText), Empty(HeaderExample),
        Body?.Trim(), BodyExamples, Empty(Footer), Buttons);

    public static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class TemplateMapping
{
    /// <summary>Contact fields a variable may be bound to.</summary>
    public static readonly IReadOnlyList<string> BindableFields = ["contact.name", "contact.phone", "agent.name"];

    public static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static IReadOnlyDictionary<string, string> Bindings(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static TemplateView ToView(this Template t) => new(t.Id, t.ChannelAccountId, t.Name, t.Language, t.Category, t.HeaderText, t.HeaderExample,
        t.Body, Strings(t.BodyExamplesJson), t.Footer, Strings(t.ButtonsJson), Bindings(t.BindingsJson), t.Status, t.Reason, t.ProviderTemplateId,
        t.StatusChangedAt, t.CreatedAt, t.UpdatedAt);

    public static ApprovedTemplate ToApproved(this Template t)
    {
        var bindings = Bindings(t.BindingsJson);
        var bodyExamples = Strings(t.BodyExamplesJson);
        var variables = new List<TemplateVariable>();
        foreach (var position in TemplateLinter.Placeholders(t.HeaderText).Distinct().Order())
        {
            variables.Add(new("header", position, t.HeaderExample ?? string.Empty, bindings.GetValueOrDefault($"header:{position}")));
        }

        foreach (var position in TemplateLinter.Placeholders(t.Body).Distinct().Order())
        {
            variables.Add(new("body", position, position <= bodyExamples.Count ? bodyExamples[position - 1] : string.Empty, bindings.GetValueOrDefault($"body:{position}")));
        }

        return new ApprovedTemplate(t.Id, t.ChannelAccountId, t.Name, t.Language, t.Category, t.HeaderText, t.Body, t.Footer, Strings(t.ButtonsJson), variables);
    }

    /// <summary>Lints the request, and checks the bindings name a variable that exists and a known field.</summary>
    public static Error? Problems(TemplateRequest request)
    {
        var problems = ProblemList(request);
        return problems.Count == 0 ? null : Invalid(problems);
    }

    /// <summary>Every problem of the request (Meta's rules, then the bindings), as the lint endpoint and the form show them.</summary>
    public static IReadOnlyList<TemplateProblem> ProblemList(TemplateRequest request)
    {
        var problems = TemplateLinter.Check(request.ToDraft()).ToList();
        var header = TemplateLinter.Placeholders(request.HeaderText).Select(p => $"header:{p}");
        var body = TemplateLinter.Placeholders(request.Body).Select(p => $"body:{p}");
        var known = header.Concat(body).ToHashSet(StringComparer.Ordinal);
        foreach (var (variable, field) in request.Bindings ?? new Dictionary<string, string>())
        {
            if (!known.Contains(variable))
            {
                problems.Add(new($"bindings.{variable}", "binding_unknown_variable", $"A variável {variable} não existe no modelo."));
            }
            else if (!BindableFields.Contains(field))
            {
                problems.Add(new($"bindings.{variable}", "binding_unknown_field", $"O campo {field} não existe; use {string.Join(", ", BindableFields)}."));
            }
        }

        return problems;
    }

    /// <summary>400 <c>template_invalid</c>: every problem, by field, in pt-BR.</summary>
    public static Error Invalid(IReadOnlyList<TemplateProblem> problems) =>
        new("template_invalid", problems.Count == 1 ? "O modelo tem 1 problema a corrigir." : $"O modelo tem {problems.Count} problemas a corrigir.")
        {
            Fields = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        };

    public static void Apply(this Template t, TemplateRequest request, DateTime now)
    {
        var draft = request.ToDraft();
        t.Name = draft.Name!;
        t.Language = draft.Language!;
        t.Category = draft.Category!;
        t.HeaderText = draft.HeaderText;
        t.HeaderExample = draft.HeaderText is null ? null : draft.HeaderExample;
        t.Body = draft.Body!;
        t.BodyExamplesJson = JsonSerializer.Serialize((request.BodyExamples ?? []).Select(e => e.Trim()).ToList());
        t.Footer = draft.Footer;
        t.ButtonsJson = JsonSerializer.Serialize((request.Buttons ?? []).Select(b => b.Trim()).ToList());
        t.BindingsJson = JsonSerializer.Serialize(request.Bindings ?? new Dictionary<string, string>());
        t.UpdatedAt = now;
    }
}
