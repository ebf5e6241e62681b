using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>The public lead form <c>/f/{productSlug}</c> as an anonymous visitor (and a robot) uses it.</summary>
public abstract class LeadFormTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task A_visitor_fills_the_form_and_gets_the_code_and_the_WhatsApp_button()
    {
        var client = Host.CreateClient();
        var page = await client.GetAsync($"/f/{ProductSlug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await PageTextAsync(page);
        Assert.Contains("Apartamentos", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lead-form\"", form, StringComparison.Ordinal);

        var response = await PostFormAsync(client, ("name", "Maria Silva"), ("email", "maria@example.com"), ("phone", "(11) 98888-0001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageTextAsync(response);
        var contact = Assert.Single(await ContactsAsync())!;
        var code = (string)(await ContactAsync(IdOf(contact)))["leads"]![0]!["code"]!;
        Assert.Contains($"#{code}", html, StringComparison.Ordinal);
        Assert.Contains("Abrir WhatsApp", html, StringComparison.Ordinal);
        Assert.Equal("5511988880001", (string?)contact["phone"]);

        // The team's number is a Sandbox account: the button opens its public phone for this visitor's number, no login,
        // with the code message typed in, and the number cannot be changed there.
        var link = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"open-whatsapp\" href=\"(/s/[A-Za-z0-9_-]+)\"");
        Assert.True(link.Success, html);
        var phone = await client.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        var phoneHtml = await PageTextAsync(phone);
        Assert.Contains("+5511988880001", phoneHtml, StringComparison.Ordinal);
        Assert.Contains($"Meu código: #{code}", phoneHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sandbox-phone\"", phoneHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_fields_come_back_with_readable_messages_in_Portuguese_or_English_and_keep_what_was_typed()
    {
        var response = await PostFormAsync(Host.CreateClient(), ("name", "Maria"), ("email", "maria@"), ("phone", "123"), ("cpf", "111.111.111-11"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await PageTextAsync(response);
        Assert.Contains("Informe um e-mail válido", html, StringComparison.Ordinal);
        Assert.Contains("Informe o telefone com DDD", html, StringComparison.Ordinal);
        Assert.Contains("CPF inválido", html, StringComparison.Ordinal);
        Assert.Contains("value=\"maria@\"", html, StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync());

        var english = await PostFormAsync(Host.CreateClient(), "?lang=en", ("name", ""), ("email", "a@b.com"), ("phone", "5511999990001"));
        Assert.Contains("Type your name.", await PageTextAsync(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_robot_filling_the_hidden_field_sees_success_and_nothing_is_stored()
    {
        var response = await PostFormAsync(Host.CreateClient(),
            ("name", "Buy cheap"), ("email", "spam@example.com"), ("phone", "5511999990001"), ("website", "http://spam.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"form-success\"", await PageTextAsync(response), StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(20));
        await RunUnansweredLeadsAsync();
        Assert.Empty(await TasksAsync());
    }

    [Fact]
    public async Task More_than_ten_posts_a_minute_from_one_address_get_429_until_the_minute_passes()
    {
        var client = Host.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var accepted = await PostFormAsync(client, ("name", ""), ("email", "x"), ("phone", "1"));
            Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        }

        var refused = await PostFormAsync(client, ("name", "Maria"), ("email", "maria@example.com"), ("phone", "5511999990001"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Muitas tentativas", await PageTextAsync(refused), StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync());

        Host.Clock.Advance(TimeSpan.FromSeconds(61));
        var again = await PostFormAsync(client, ("name", "Maria"), ("email", "maria@example.com"), ("phone", "5511999990001"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_inactive_product_has_no_form()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Host.CreateClient().GetAsync("/f/nao-existe")).StatusCode);

        var (response, body) = await Host.CreateAdminClient().PutJsonAsync($"/api/v1/products/{ProductId}", new { name = "Apartamentos", slug = ProductSlug, teamId = TeamId, isActive = false });
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var page = await Host.CreateClient().GetAsync($"/f/{ProductSlug}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Formulário não encontrado", await PageTextAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(Host.CreateClient(), ("name", "Maria"), ("email", "maria@example.com"), ("phone", "5511999990001"))).StatusCode);
    }

    [Fact]
    public async Task A_contact_of_another_team_is_accepted_on_the_form_and_stays_with_its_team()
    {
        var otherTeam = await CreateTeamAsync("Locação Sul");
        await CreateProductAsync("Aluguel", "aluguel", otherTeam);
        var first = await CreateLeadAsync("Rita Melo", "rita@example.com", "5511933330007");

        var response = await PostFormAsync(Host.CreateClient(), "/f/aluguel", ("name", "Rita"), ("email", "rita@example.com"), ("phone", "5511933330007"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contactId = IdOf(first, "contactId");
        var contact = await ContactAsync(contactId);
        Assert.Equal(TeamId, IdOf(contact, "teamId"));
        Assert.Equal(2, contact["leads"]!.AsArray().Count);
        Assert.Contains(await TimelineAsync(contactId), e => ((string)e!["text"]!).Contains("stays with Vendas Centro", StringComparison.Ordinal));
    }

    /// <summary>The page as the visitor reads it (the renderer encodes accented letters as entities).</summary>
    private static async Task<string> PageTextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        PostFormAsync(client, string.Empty, fields);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pathOrQuery, params (string Key, string Value)[] fields)
    {
        var url = pathOrQuery.StartsWith('/') ? pathOrQuery : $"/f/{ProductSlug}{pathOrQuery}";
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await client.PostAsync(url, content);
    }
}

public sealed class LeadFormTestsOnSqlite() : LeadFormTests(DatabaseKind.Sqlite);

public sealed class LeadFormTestsOnPostgres() : LeadFormTests(DatabaseKind.Postgres);
