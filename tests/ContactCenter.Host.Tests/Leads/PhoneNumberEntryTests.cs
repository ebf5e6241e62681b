using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>Numbers enter by the lead form and API, the WhatsApp webhook and searches: one E.164 contact whatever the format.</summary>
public abstract class PhoneNumberEntryTests(DatabaseKind kind) : LeadsTest(kind)
{
    [Fact]
    public async Task A_national_number_on_a_lead_is_the_same_contact_as_the_person_writing_on_WhatsApp()
    {
        var lead = await CreateLeadAsync("Sônia Reis", "sonia@example.com", "(11) 98888-0011");

        await WriteOnWhatsAppAsync("5511988880011", "Oi, é a Sônia");

        var contact = Assert.Single(await ContactsAsync())!;
        Assert.Equal(IdOf(lead, "contactId"), IdOf(contact));
        Assert.Equal("5511988880011", (string?)contact["phone"]);
        foreach (var typed in new[] { "+55 (11) 98888-0011", "011 98888-0011", "11 98888 0011", "98888-0011" })
        {
            Assert.Single(await ContactsAsync(typed));
        }
    }

    [Fact]
    public async Task An_invalid_number_is_a_problem_naming_the_phone_field_and_stores_nothing()
    {
        foreach (var typed in new[] { "(11) 9888-7777", "+55 00 98888-7777", "98888-7777", "telefone" })
        {
            var (response, problem) = await PostLeadAsync("Caio Nunes", "caio@example.com", typed);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["phone"], problem["errors"]!.AsObject().Select(p => p.Key));
        }

        Assert.Empty(await ContactsAsync());
    }
}

public sealed class PhoneNumberEntryTestsOnSqlite() : PhoneNumberEntryTests(DatabaseKind.Sqlite);

public sealed class PhoneNumberEntryTestsOnPostgres() : PhoneNumberEntryTests(DatabaseKind.Postgres);
