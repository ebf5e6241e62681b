using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// Contacts move from Conversations to Leads (which owns people: forms, e-mail, owner agent, timeline), rows and all;
/// conversations remember the product the contact came for.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122600000_ContactsToLeads")]
public sealed class ContactsToLeads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Leads_Contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                ProviderUserId = table.Column<string>(maxLength: 100, nullable: true),
                ProfileName = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Leads_Contacts", x => x.Id));

        // Plain SQL both providers read alike (quoted identifiers): the rows come along.
        migrationBuilder.Sql("""
            INSERT INTO "Leads_Contacts" ("Id", "Phone", "ProviderUserId", "ProfileName", "CreatedAt")
            SELECT "Id", "Phone", "ProviderUserId", "ProfileName", "CreatedAt" FROM "Conversations_Contacts";
            """);
        migrationBuilder.DropTable("Conversations_Contacts");
        migrationBuilder.CreateIndex("IX_Leads_Contacts_Phone", "Leads_Contacts", "Phone", unique: true);
        migrationBuilder.CreateIndex("IX_Leads_Contacts_ProviderUserId", "Leads_Contacts", "ProviderUserId", unique: true);

        migrationBuilder.AddColumn<Guid>("ProductId", "Conversations_Conversations", nullable: true);
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_ProductId", "Conversations_Conversations", "ProductId");
    }
}
