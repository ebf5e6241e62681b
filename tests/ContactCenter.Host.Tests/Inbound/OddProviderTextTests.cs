using System.Net;
using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>
/// A webhook is the provider's text, not ours to refuse, even where no column was made for it. Found by the webhook
/// fuzzer on PostgreSQL, where such messages ended as inbox failures instead of being stored (SQLite is lenient): a
/// 20,000-character provider message id (the columns hold 200), and a NUL character (<c>\u0000</c>, which JSON allows
/// and PostgreSQL's text cannot hold).
/// </summary>
public abstract class OddProviderTextTests(DatabaseKind kind) : InboundTest(kind)
{
    [Fact]
    public async Task A_message_with_NUL_in_its_text_id_and_sender_name_is_stored_once_not_failed()
    {
        var account = await CreateAccountAsync();

        // The JSON escape as Meta (or a fuzzer) would write it: the parsed strings hold a real U+0000.
        var webhook = Envelope(Inner("""wamid.nul\u0000-1""", "text", """{"body":"Oi\u0000, tudo bem?"}"""))
            .Replace("\"Ana\"", "\"Ana\\u0000 Souza\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, webhook)).StatusCode);
        await ProcessAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, webhook)).StatusCode); // Meta's retry
        await ProcessAsync();

        Assert.Empty(await FailuresAsync());
        var message = Assert.Single(await MessagesAsync("wamid.nul\0-1"))!;
        Assert.Equal(AsStored("Oi\0, tudo bem?"), (string?)message["text"]);
        Assert.Equal(AsStored("wamid.nul\0-1"), (string?)message["providerMessageId"]);
        var conversation = await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{(string?)message["conversationId"]}");
        Assert.Equal(AsStored("Ana\0 Souza"), (string?)conversation["contact"]!["name"]);
    }

    [Fact]
    public async Task A_message_whose_provider_id_is_longer_than_the_column_is_stored_once_and_a_reaction_to_it_finds_it()
    {
        var account = await CreateAccountAsync();
        var longId = "wamid." + new string('p', 20_000);
        var webhook = Envelope(Inner("wamid.short-1", "text", """{"body":"primeira"}""") + "," + Inner(longId, "text", """{"body":"segunda"}"""));
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, webhook)).StatusCode);
        await ProcessAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, webhook)).StatusCode); // Meta's retry
        var reaction = Envelope(Inner("wamid.reaction-1", "reaction", $$"""{"message_id":"{{longId}}","emoji":"👍"}"""));
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(account, reaction)).StatusCode);
        await ProcessAsync();

        Assert.Empty(await FailuresAsync());
        var conversationId = (string?)(await SingleMessageAsync("wamid.short-1"))["conversationId"];
        var messages = (await Host.CreateAdminClient().GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray();
        var second = Assert.Single(messages, m => (string?)m!["text"] == "segunda")!;
        Assert.InRange(((string)second["providerMessageId"]!).Length, 1, 200);
        Assert.Equal(["👍"], second["reactions"]!.AsArray().Select(r => (string?)r));
    }

    /// <summary>
    /// What the database gives back: PostgreSQL keeps U+FFFD (the replacement character) where the NUL was; SQLite and
    /// SQL Server can hold the NUL itself.
    /// </summary>
    private string AsStored(string text) => Kind == DatabaseKind.Postgres ? text.Replace('\0', '\uFFFD') : text;
}

public sealed class OddProviderTextTestsOnSqlite() : OddProviderTextTests(DatabaseKind.Sqlite);

public sealed class OddProviderTextTestsOnPostgres() : OddProviderTextTests(DatabaseKind.Postgres);
