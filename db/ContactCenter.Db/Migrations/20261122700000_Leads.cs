using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// Lead intake: contacts get a name, e-mail, CPF, team and owner agent; leads (one arrival per product, with the
/// code the WhatsApp text carries), the contact timeline and unanswered-lead tasks.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122700000_Leads")]
public sealed class Leads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Name", "Leads_Contacts", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("Email", "Leads_Contacts", maxLength: 254, nullable: true);
        migrationBuilder.AddColumn<string>("Cpf", "Leads_Contacts", maxLength: 11, nullable: true);
        migrationBuilder.AddColumn<Guid>("TeamId", "Leads_Contacts", nullable: true);
        migrationBuilder.AddColumn<Guid>("OwnerAgentId", "Leads_Contacts", nullable: true);
        migrationBuilder.AddColumn<DateTime>("UpdatedAt", "Leads_Contacts", nullable: false, defaultValue: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        migrationBuilder.Sql("""UPDATE "Leads_Contacts" SET "UpdatedAt" = "CreatedAt";""");
        migrationBuilder.CreateIndex("IX_Leads_Contacts_Email", "Leads_Contacts", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_Leads_Contacts_TeamId", "Leads_Contacts", "TeamId");
        migrationBuilder.CreateIndex("IX_Leads_Contacts_OwnerAgentId", "Leads_Contacts", "OwnerAgentId");

        migrationBuilder.CreateTable(
            name: "Leads_Leads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 20, nullable: false),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                IsReturning = table.Column<bool>(nullable: false),
                ReturningReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                WhatsAppDueAt = table.Column<DateTime>(nullable: false),
                ReachedWhatsAppAt = table.Column<DateTime>(nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
                TaskCreatedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Leads_Leads", x => x.Id));
        migrationBuilder.CreateIndex("IX_Leads_Leads_Code", "Leads_Leads", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Leads_Leads_ContactId", "Leads_Leads", "ContactId");
        migrationBuilder.CreateIndex("IX_Leads_Leads_WhatsAppDueAt", "Leads_Leads", "WhatsAppDueAt");

        migrationBuilder.CreateTable(
            name: "Leads_TimelineEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Data = table.Column<string>(nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
                ProductId = table.Column<Guid>(nullable: true),
                AgentId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Leads_TimelineEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_Leads_TimelineEntries_ContactId_At", "Leads_TimelineEntries", ["ContactId", "At"]);
        migrationBuilder.CreateIndex("IX_Leads_TimelineEntries_ConversationId", "Leads_TimelineEntries", "ConversationId");

        migrationBuilder.CreateTable(
            name: "Leads_Tasks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LeadId = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                AssignedAgentId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DoneAt = table.Column<DateTime>(nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Leads_Tasks", x => x.Id));
        migrationBuilder.CreateIndex("IX_Leads_Tasks_LeadId", "Leads_Tasks", "LeadId", unique: true);
        migrationBuilder.CreateIndex("IX_Leads_Tasks_ContactId", "Leads_Tasks", "ContactId");
        migrationBuilder.CreateIndex("IX_Leads_Tasks_Status_AssignedAgentId", "Leads_Tasks", ["Status", "AssignedAgentId"]);
    }
}
