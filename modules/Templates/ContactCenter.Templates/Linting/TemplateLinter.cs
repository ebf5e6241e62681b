using System.Text.RegularExpressions;

namespace ContactCenter.Templates.Linting;

/// <summary>What the linter reads: the template as the admin wrote it.</summary>
internal sealed record TemplateDraft(
    string? Name,
    string? Language,
    string? Category,
    string? HeaderText,
    string? HeaderExample,
    string? Body,
    IReadOnlyList<string>? BodyExamples,
    string? Footer,
    IReadOnlyList<string>? Buttons);

/// <summary>One broken rule: the field it is about, a stable rule code and the explanation in pt-BR.</summary>
internal sealed record TemplateProblem(string Field, string Rule, string Message);

/// <summary>
/// Meta's published template rules (WHATSAPP-CLOUD-API.md §11 and the 2388xxx creation errors), checked before
/// submission so an admin learns at once, in Portuguese, what the review would refuse.
/// </summary>
internal static partial class TemplateLinter
{
    public const int MaxNameLength = 512;
    public const int MaxHeaderLength = 60;
    public const int MaxBodyLength = 1024;
    public const int MaxFooterLength = 60;
    public const int MaxButtonLength = 25;
    public const int MaxButtons = 10;

    public static readonly IReadOnlyList<string> Categories = ["marketing", "utility", "authentication"];

    public static IReadOnlyList<TemplateProblem> Check(TemplateDraft draft)
    {
        var problems = new List<TemplateProblem>();
        CheckName(draft.Name, problems);
        CheckLanguage(draft.Language, problems);
        if (string.IsNullOrWhiteSpace(draft.Category) || !Categories.Contains(draft.Category.Trim().ToLowerInvariant()))
        {
            problems.Add(new("category", "category_invalid", "Escolha a categoria: marketing, utilidade (utility) ou autenticação (authentication)."));
        }

        CheckHeader(draft.HeaderText, draft.HeaderExample, problems);
        CheckBody(draft.Body, draft.BodyExamples ?? [], problems);
        CheckFooter(draft.Footer, problems);
        CheckButtons(draft.Buttons ?? [], problems);
        return problems;
    }

    /// <summary>The positions of the <c>{{n}}</c> placeholders, in the order they appear.</summary>
    public static IReadOnlyList<int> Placeholders(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static void CheckName(string? name, List<TemplateProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new("name", "name_required", "Dê um nome ao modelo (ex.: retomada_atendimento)."));
        }
        else if (name.Length > MaxNameLength || !NameRule().IsMatch(name))
        {
            problems.Add(new("name", "name_format", $"O nome usa só letras minúsculas sem acento, números e sublinhado (_), até {MaxNameLength} caracteres (ex.: retomada_atendimento)."));
        }
    }

    private static void CheckLanguage(string? language, List<TemplateProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(language) || !LanguageRule().IsMatch(language))
        {
            problems.Add(new("language", "language_invalid", "Informe o código do idioma no formato da Meta (ex.: pt_BR, en_US, es)."));
        }
    }

    private static void CheckHeader(string? header, string? example, List<TemplateProblem> problems)
    {
        if (string.IsNullOrEmpty(header))
        {
            return;
        }

        if (header.Length > MaxHeaderLength)
        {
            problems.Add(new("headerText", "header_too_long", $"O cabeçalho tem {header.Length} caracteres; o limite é {MaxHeaderLength}."));
        }

        var variables = Placeholders(header);
        if (variables.Count > 1)
        {
            problems.Add(new("headerText", "header_too_many_variables", "O cabeçalho aceita no máximo uma variável ({{1}})."));
        }
        else if (variables.Count == 1)
        {
            if (variables[0] != 1)
            {
                problems.Add(new("headerText", "variables_not_sequential", "A variável do cabeçalho deve ser {{1}}."));
            }

            if (string.IsNullOrWhiteSpace(example))
            {
                problems.Add(new("headerExample", "example_missing", "Dê um exemplo para a variável {{1}} do cabeçalho: a Meta recusa variáveis sem exemplo."));
            }
        }

        if (header.Contains('\n', StringComparison.Ordinal) || header.Contains('*', StringComparison.Ordinal) || header.Contains('_', StringComparison.Ordinal) || header.Contains('~', StringComparison.Ordinal))
        {
            problems.Add(new("headerText", "header_format", "O cabeçalho não pode ter quebras de linha nem formatação (*, _, ~)."));
        }
    }

    private static void CheckBody(string? body, IReadOnlyList<string> examples, List<TemplateProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new("body", "body_required", "Escreva o texto do corpo da mensagem."));
            return;
        }

        if (body.Length > MaxBodyLength)
        {
            problems.Add(new("body", "body_too_long", $"O corpo tem {body.Length} caracteres; o limite é {MaxBodyLength}."));
        }

        if (BrokenPlaceholder().IsMatch(Placeholder().Replace(body, string.Empty)))
        {
            problems.Add(new("body", "variable_malformed", "Escreva as variáveis como {{1}}, {{2}}… (duas chaves de cada lado, só o número)."));
        }

        var variables = Placeholders(body);
        if (variables.Count == 0)
        {
            return;
        }

        var distinct = variables.Distinct().Order().ToList();
        if (!distinct.SequenceEqual(Enumerable.Range(1, distinct.Count)))
        {
            problems.Add(new("body", "variables_not_sequential",
                $"As variáveis devem ser numeradas em sequência a partir de {{{{1}}}} sem pular números; encontrei {string.Join(", ", distinct.Select(v => $"{{{{{v}}}}}"))}."));
        }

        var trimmed = body.Trim();
        if (Placeholder().Match(trimmed) is { Success: true, Index: 0 })
        {
            problems.Add(new("body", "variable_at_start", "O corpo não pode começar com uma variável: escreva algum texto antes dela (ex.: \"Olá {{1}}\")."));
        }

        if (EndsWithPlaceholder().IsMatch(trimmed))
        {
            problems.Add(new("body", "variable_at_end", "O corpo não pode terminar com uma variável: escreva algum texto depois dela (ex.: um ponto ou uma pergunta)."));
        }

        if (AdjacentPlaceholders().IsMatch(body))
        {
            problems.Add(new("body", "variables_adjacent", "Duas variáveis não podem ficar juntas: separe-as com texto."));
        }

        // 2388293: Meta refuses bodies with too many variables for their length.
        var words = Placeholder().Replace(body, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < (2 * variables.Count) + 1)
        {
            problems.Add(new("body", "too_many_variables", $"Há {variables.Count} variáveis para pouco texto: a Meta pede mais palavras fixas (pelo menos {(2 * variables.Count) + 1}) em volta delas."));
        }

        var needed = distinct.Count == 0 ? 0 : distinct.Max();
        for (var i = 0; i < needed; i++)
        {
            if (i >= examples.Count || string.IsNullOrWhiteSpace(examples[i]))
            {
                problems.Add(new($"bodyExamples[{i}]", "example_missing", $"Dê um exemplo para a variável {{{{{i + 1}}}}}: a Meta recusa variáveis sem exemplo."));
            }
        }
    }

    private static void CheckFooter(string? footer, List<TemplateProblem> problems)
    {
        if (string.IsNullOrEmpty(footer))
        {
            return;
        }

        if (footer.Length > MaxFooterLength)
        {
            problems.Add(new("footer", "footer_too_long", $"O rodapé tem {footer.Length} caracteres; o limite é {MaxFooterLength}."));
        }

        if (Placeholders(footer).Count > 0)
        {
            problems.Add(new("footer", "footer_variable", "O rodapé não aceita variáveis."));
        }
    }

    private static void CheckButtons(IReadOnlyList<string> buttons, List<TemplateProblem> problems)
    {
        if (buttons.Count > MaxButtons)
        {
            problems.Add(new("buttons", "too_many_buttons", $"Use no máximo {MaxButtons} botões."));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(buttons[i]))
            {
                problems.Add(new($"buttons[{i}]", "button_empty", $"O botão {i + 1} está sem texto."));
            }
            else if (buttons[i].Length > MaxButtonLength)
            {
                problems.Add(new($"buttons[{i}]", "button_too_long", $"O texto do botão {i + 1} tem {buttons[i].Length} caracteres; o limite é {MaxButtonLength}."));
            }
        }

        if (buttons.Where(b => !string.IsNullOrWhiteSpace(b)).GroupBy(b => b.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            problems.Add(new("buttons", "button_duplicate", "Dois botões têm o mesmo texto."));
        }
    }

    // At most three digits: "{{99999999999}}" would not fit an int (the linter threw), and no template has 1000 variables.
    [GeneratedRegex(@"\{\{(\d{1,3})\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{|\}\}")]
    private static partial Regex BrokenPlaceholder();

    [GeneratedRegex(@"\{\{\d+\}\}\s*$")]
    private static partial Regex EndsWithPlaceholder();

    [GeneratedRegex(@"\{\{\d+\}\}\s*\{\{\d+\}\}")]
    private static partial Regex AdjacentPlaceholders();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NameRule();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageRule();
}
