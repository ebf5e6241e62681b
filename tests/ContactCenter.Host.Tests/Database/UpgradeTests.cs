using System.Net;
using ContactCenter.Host.Setup;
using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Kernel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Host.Tests.Database;

/// <summary>
/// An install of the previous release — its schema made by its migrations (up to <see cref="PreviousRelease"/>), its
/// data written by that release — is upgraded by the current host at start-up, and nothing is lost: the people,
/// conversations, messages, tickets and users are there and work through the API.
/// </summary>
public abstract class UpgradeTests(DatabaseKind kind) : IAsyncLifetime
{
    /// <summary>The last migration of the previous release (the next one, 20261208121000_Chatbot, came with this one).</summary>
    public const string PreviousRelease = "20261207100000_Tickets";

    private const string Password = "Senha-antiga-123";
    private const string NoSettings = "{}";

    private static readonly DateTime Then = new(2026, 10, 1, 13, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Account = Guid.Parse("0192a000-0000-7000-8000-000000000001");
    private static readonly Guid Team = Guid.Parse("0192a000-0000-7000-8000-000000000002");
    private static readonly Guid Agent = Guid.Parse("0192a000-0000-7000-8000-000000000003");
    private static readonly Guid Contact = Guid.Parse("0192a000-0000-7000-8000-000000000004");
    private static readonly Guid Conversation = Guid.Parse("0192a000-0000-7000-8000-000000000005");
    private static readonly Guid Inbound = Guid.Parse("0192a000-0000-7000-8000-000000000006");
    private static readonly Guid Outbound = Guid.Parse("0192a000-0000-7000-8000-000000000007");
    private static readonly Guid Ticket = Guid.Parse("0192a000-0000-7000-8000-000000000008");

    private TestHost? _host;

    private TestHost Host => _host ?? throw new InvalidOperationException("Started in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        TestDatabase.SkipUnlessAvailable(kind);
        var database = await TestDatabase.CreateAsync(kind);
        try
        {
            await using (var previous = PreviousReleaseContext(database))
            {
                await previous.GetService<IMigrator>().MigrateAsync(PreviousRelease);
                await WritePreviousReleaseDataAsync(previous);
            }
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        _host = await TestHost.StartOnAsync(database);
    }

    [Fact]
    public async Task The_current_host_migrates_the_previous_releases_database_and_keeps_its_data()
    {
        var ready = await Host.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var admin = Host.CreateAdminClient();

        var contact = Assert.Single((await admin.GetJsonAsync("/api/v1/contacts?search=" + Uri.EscapeDataString("(11) 98888-1234")))["items"]!.AsArray())!;
        Assert.Equal((Contact.ToString(), "Marta Prado", "marta@example.com", "5511988881234"),
            ((string?)contact["id"], (string?)contact["displayName"], (string?)contact["email"], (string?)contact["phone"]));

        var conversation = await admin.GetJsonAsync($"/api/v1/conversations/{Conversation}");
        Assert.Equal(("awaitingContact", Agent.ToString()), ((string?)conversation["status"], (string?)conversation["assignedAgentId"]));
        var messages = (await admin.GetJsonAsync($"/api/v1/conversations/{Conversation}/messages"))["items"]!.AsArray();
        Assert.Equal(["Oi, o apartamento ainda está disponível?", "Está sim! Posso agendar uma visita?"], messages.Select(m => (string?)m!["text"]));

        var ticket = await admin.GetJsonAsync("/api/v1/tickets/1");
        Assert.Equal(("Visita ao apartamento 302", "open", "high", Contact.ToString(), "Sábado às 10h"),
            ((string?)ticket["ticket"]!["title"], (string?)ticket["ticket"]!["status"], (string?)ticket["ticket"]!["priority"],
                (string?)ticket["ticket"]!["requester"]!["contactId"], (string?)ticket["description"]));

        // Still usable: the agent logs in with the old password and sees her conversation; the admin edits the contact.
        var carla = await Host.LoginAsync("carla", Password);
        var mine = (await carla.GetJsonAsync("/api/v1/conversations"))["items"]!.AsArray();
        Assert.Equal([Conversation.ToString()], mine.Select(c => (string?)c!["id"]));
        var (edited, body) = await admin.PutJsonAsync($"/api/v1/contacts/{Contact}", new { name = "Marta P. Prado", email = "marta@example.com" });
        Assert.True(edited.IsSuccessStatusCode, body.ToJsonString());
    }

    /// <summary>What the previous release stored, written as it wrote it (its columns, its enum names, UTC instants).</summary>
    private static async Task WritePreviousReleaseDataAsync(ContactCenterDbContext db)
    {
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var stamp = Guid.NewGuid().ToString("N");
        var later = Then.AddMinutes(5);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Channels_ChannelAccounts" ("Id", "PluginId", "Name", "SettingsJson", "CreatedAt", "UpdatedAt")
            VALUES ({Account}, 'sandbox', 'Loja Centro', {NoSettings}, {Then}, {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Queues_Teams" ("Id", "Name", "NormalizedName", "RoutingMode", "CreatedAt")
            VALUES ({Team}, 'Vendas', 'VENDAS', 'Pool', {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Identity_Users" ("Id", "UserName", "DisplayName", "Email", "PasswordHash", "Role", "IsActive", "SecurityStamp", "FailedLoginCount", "CreatedAt")
            VALUES ({Agent}, 'carla', 'Carla Souza', 'carla@example.com', {hash}, 'Agent', {true}, {stamp}, {0}, {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Leads_Contacts" ("Id", "Phone", "ProfileName", "Name", "Email", "TeamId", "OwnerAgentId", "CreatedAt", "UpdatedAt")
            VALUES ({Contact}, '5511988881234', 'Marta', 'Marta Prado', 'marta@example.com', {Team}, {Agent}, {Then}, {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Conversations_Conversations" ("Id", "ContactId", "ContactName", "ContactPhone", "ChannelAccountId", "TeamId", "AssignedAgentId", "Status", "CreatedAt", "LastMessageAt", "WindowClosesAt", "AssignedAt")
            VALUES ({Conversation}, {Contact}, 'Marta Prado', '5511988881234', {Account}, {Team}, {Agent}, 'AwaitingContact', {Then}, {later}, {Then.AddHours(24)}, {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Conversations_Messages" ("Id", "ConversationId", "ChannelAccountId", "Direction", "Type", "Text", "ProviderMessageId", "CreatedAt")
            VALUES ({Inbound}, {Conversation}, {Account}, 'Inbound', 'text', 'Oi, o apartamento ainda está disponível?', 'wamid.old-1', {Then})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Conversations_Messages" ("Id", "ConversationId", "ChannelAccountId", "Direction", "Type", "Text", "ProviderMessageId", "Status", "CreatedAt", "AuthorAgentId")
            VALUES ({Outbound}, {Conversation}, {Account}, 'Outbound', 'text', 'Está sim! Posso agendar uma visita?', 'wamid.old-2', 'Read', {later}, {Agent})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Tickets_Tickets" ("Id", "Number", "Title", "Description", "Status", "Priority", "ContactId", "ContactName", "ContactPhone", "ConversationId", "TeamId", "AssigneeId", "CreatedById", "CreatedByName", "CreatedAt", "UpdatedAt")
            VALUES ({Ticket}, {1}, 'Visita ao apartamento 302', 'Sábado às 10h', 'Open', 'High', {Contact}, 'Marta Prado', '5511988881234', {Conversation}, {Team}, {Agent}, {Agent}, 'Carla Souza', {later}, {later})
            """);
    }

    private static ContactCenterDbContext PreviousReleaseContext(TestDatabase database)
    {
        var connectionString = database.ConnectionString
            ?? $"Data Source={Path.Combine(database.DataDirectory, "contactcenter.db")};Foreign Keys=True"; // the host's default file
        var settings = new ContactCenterSettings(
            database.DataDirectory, database.DataDirectory, Enum.Parse<DatabaseProvider>(database.Kind.ToString()), connectionString,
            DatabaseIsNew: false, ApplyMigrations: false, SeedDemoData: false, BootstrapAdminApiKey: null);
        var options = new DbContextOptionsBuilder<ContactCenterDbContext>();
        options.UseContactCenterDatabase(settings);
        return new ContactCenterDbContext(options.Options, Modules.All);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class UpgradeTestsOnSqlite() : UpgradeTests(DatabaseKind.Sqlite);

public sealed class UpgradeTestsOnPostgres() : UpgradeTests(DatabaseKind.Postgres);
