using ContactCenter.Templates.Linting;

namespace ContactCenter.Host.Tests.Templates;

/// <summary>Each of Meta's rules the linter checks, one broken at a time, with its pt-BR explanation.</summary>
public sealed class TemplateLinterTests
{
    private static readonly TemplateDraft Good = new("retomada_atendimento", "pt_BR", "utility", null, null,
        "Olá {{1}}, aqui é da {{2}}. Podemos continuar seu atendimento?", ["Maria", "Imobiliária Demo"], "Responda SAIR para não receber", ["Sim"]);

    private static IReadOnlyList<string> Rules(TemplateDraft draft) => TemplateLinter.Check(draft).Select(p => p.Rule).ToList();

    [Fact]
    public void A_template_that_follows_the_rules_has_no_problems() => Assert.Empty(TemplateLinter.Check(Good));

    [Theory]
    [InlineData("Retomada", "name_format")]
    [InlineData("retomada-atendimento", "name_format")]
    [InlineData("", "name_required")]
    public void Names_are_lower_case_letters_digits_and_underscores(string name, string rule) =>
        Assert.Equal([rule], Rules(Good with { Name = name }));

    [Fact]
    public void The_category_is_one_of_metas_three() => Assert.Equal(["category_invalid"], Rules(Good with { Category = "promo" }));

    [Fact]
    public void The_language_uses_metas_code() => Assert.Equal(["language_invalid"], Rules(Good with { Language = "pt-br" }));

    [Fact]
    public void Variables_must_be_sequential_from_one()
    {
        var problem = Assert.Single(TemplateLinter.Check(Good with { Body = "Olá {{1}}, aqui é da {{3}}. Podemos continuar?" }), p => p.Rule == "variables_not_sequential");
        Assert.Equal("body", problem.Field);
        Assert.Contains("sequência", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The admin form lints on every key: a number too big for an int once made the check throw (and the page fail).</summary>
    [Fact]
    public void A_variable_number_too_long_is_explained_not_a_crash() =>
        Assert.Equal(["variable_malformed"], Rules(Good with { Body = "Olá {{1}}, aqui é da {{2}}, código {{99999999999}} confirmado hoje." }));

    [Fact]
    public void The_body_may_not_start_with_a_variable() =>
        Assert.Contains("variable_at_start", Rules(Good with { Body = "{{1}}, aqui é da {{2}}. Podemos continuar seu atendimento?" }));

    [Fact]
    public void The_body_may_not_end_with_a_variable()
    {
        var problem = Assert.Single(TemplateLinter.Check(Good with { Body = "Olá {{1}}, podemos continuar seu atendimento com a equipe {{2}}" }));
        Assert.Equal("variable_at_end", problem.Rule);
        Assert.Contains("não pode terminar", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_needs_an_example()
    {
        var problem = Assert.Single(TemplateLinter.Check(Good with { BodyExamples = ["Maria"] }));
        Assert.Equal(("bodyExamples[1]", "example_missing"), (problem.Field, problem.Rule));
        Assert.Contains("{{2}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_variable_needs_its_example_too() =>
        Assert.Equal(["example_missing"], Rules(Good with { HeaderText = "Pedido {{1}}" }));

    [Fact]
    public void Length_limits_of_header_body_footer_and_buttons_are_checked()
    {
        Assert.Equal(["header_too_long"], Rules(Good with { HeaderText = new string('a', 61) }));
        Assert.Equal(["body_too_long"], Rules(Good with { Body = "Olá {{1}} da {{2}}, " + new string('a', 1020) + " fim" }));
        Assert.Equal(["footer_too_long"], Rules(Good with { Footer = new string('a', 61) }));
        var problem = Assert.Single(TemplateLinter.Check(Good with { Buttons = [new string('b', 26)] }));
        Assert.Equal(("buttons[0]", "button_too_long"), (problem.Field, problem.Rule));
        Assert.Contains("25", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_variables_for_too_little_text_is_refused() =>
        Assert.Contains("too_many_variables", Rules(Good with { Body = "Oi {{1}} {{2}} ok", BodyExamples = ["a", "b"] }));

    [Fact]
    public void Footers_take_no_variables() => Assert.Equal(["footer_variable"], Rules(Good with { Footer = "Equipe {{1}}" }));

    [Fact]
    public void Malformed_placeholders_are_explained() =>
        Assert.Contains("variable_malformed", Rules(Good with { Body = "Olá {{nome}}, aqui é da {{1}}. Podemos continuar?", BodyExamples = ["Demo"] }));
}
