using System.Text.RegularExpressions;
using ContactCenter.Templates.Linting;
using ContactCenter.Templates.Manage;

namespace ContactCenter.Templates.Ui;

/// <summary>
/// The admin form's state, kept as typed: a refused save leaves every field as it was, and the request sent is built
/// from it only when saving or linting.
/// </summary>
internal sealed partial class TemplateForm
{
    /// <summary>A body such as "{{500}}" must not draw 500 example boxes: the linter already says the numbering is wrong.</summary>
    public const int MaxVariableInputs = 20;

    public Guid? ChannelAccountId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Language { get; set; } = "pt_BR";

    public string Category { get; set; } = string.Empty;

    public string HeaderText { get; set; } = string.Empty;

    public string HeaderExample { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string Footer { get; set; } = string.Empty;

    /// <summary>Index 0 is the example of <c>{{1}}</c>; longer than needed when variables were removed (kept in case they come back).</summary>
    public List<string> BodyExamples { get; } = [];

    public List<string> Buttons { get; } = [];

    /// <summary>"body:1" → "contact.name"; no entry when the agent types the value.</summary>
    public Dictionary<string, string> Bindings { get; } = new(StringComparer.Ordinal);

    /// <summary>How many example boxes the body needs: its highest <c>{{n}}</c>.</summary>
    public int BodyVariables => Math.Min(MaxVariableInputs, TemplateLinter.Placeholders(Body).DefaultIfEmpty(0).Max());

    public bool HeaderHasVariable => TemplateLinter.Placeholders(HeaderText).Count > 0;

    public static TemplateForm From(TemplateView template)
    {
        var form = new TemplateForm
        {
            ChannelAccountId = template.ChannelAccountId,
            Name = template.Name,
            Language = template.Language,
            Category = template.Category,
            HeaderText = template.HeaderText ?? string.Empty,
            HeaderExample = template.HeaderExample ?? string.Empty,
            Body = template.Body,
            Footer = template.Footer ?? string.Empty,
        };
        form.BodyExamples.AddRange(template.BodyExamples);
        form.Buttons.AddRange(template.Buttons);
        foreach (var (variable, field) in template.Bindings)
        {
            form.Bindings[variable] = field;
        }

        return form;
    }

    public string Example(int position) => position <= BodyExamples.Count ? BodyExamples[position - 1] : string.Empty;

    public void SetExample(int position, string value)
    {
        while (BodyExamples.Count < position)
        {
            BodyExamples.Add(string.Empty);
        }

        BodyExamples[position - 1] = value;
    }

    public string Binding(string variable) => Bindings.GetValueOrDefault(variable, string.Empty);

    public void SetBinding(string variable, string field)
    {
        if (string.IsNullOrEmpty(field))
        {
            Bindings.Remove(variable);
        }
        else
        {
            Bindings[variable] = field;
        }
    }

    /// <summary>What create, update and lint receive: examples and bindings only for the variables the text has now.</summary>
    public TemplateRequest ToRequest()
    {
        var variables = BodyVariables;
        var examples = Enumerable.Range(1, variables).Select(Example).ToList();
        var live = Enumerable.Range(1, variables).Select(p => $"body:{p}").ToHashSet(StringComparer.Ordinal);
        if (HeaderHasVariable)
        {
            live.Add("header:1");
        }

        return new TemplateRequest(
            ChannelAccountId,
            Name,
            Language,
            Category,
            HeaderText,
            HeaderHasVariable ? HeaderExample : null,
            Body,
            examples,
            Footer,
            [.. Buttons],
            Bindings.Where(b => live.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal));
    }

    /// <summary>The text as the contact would read it, with each variable's example in its place.</summary>
    public string Preview(string text, Func<int, string> example) =>
        Placeholder().Replace(text, m =>
        {
            var value = example(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            return string.IsNullOrWhiteSpace(value) ? m.Value : value;
        });

    [GeneratedRegex(@"\{\{(\d{1,3})\}\}")]
    private static partial Regex Placeholder();
}
