using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>Tickets with their sequential numbers, the messages linked to them and the history of their changes.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261207100000_Tickets")]
public sealed class Tickets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tickets_Tickets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Priority = table.Column<string>(maxLength: 20, nullable: false),
                ContactId = table.Column<Guid>(nullable: true),
                ContactName = table.Column<string>(maxLength: 200, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 32, nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
                TeamId = table.Column<Guid>(nullable: false),
                AssigneeId = table.Column<Guid>(nullable: true),
                CreatedById = table.Column<Guid>(nullable: true),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tickets_Tickets", x => x.Id));
        migrationBuilder.CreateIndex("IX_Tickets_Tickets_Number", "Tickets_Tickets", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_Tickets_Tickets_TeamId_Status", "Tickets_Tickets", ["TeamId", "Status"]);
        migrationBuilder.CreateIndex("IX_Tickets_Tickets_ContactId", "Tickets_Tickets", "ContactId");
        migrationBuilder.CreateIndex("IX_Tickets_Tickets_ConversationId", "Tickets_Tickets", "ConversationId");

        migrationBuilder.CreateTable(
            name: "Tickets_Messages",
            columns: table => new
            {
                TicketId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                LinkedAt = table.Column<DateTime>(nullable: false),
                LinkedById = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Tickets_Messages", x => new { x.TicketId, x.MessageId }));
        migrationBuilder.CreateIndex("IX_Tickets_Messages_ConversationId", "Tickets_Messages", "ConversationId");

        migrationBuilder.CreateTable(
            name: "Tickets_Changes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TicketId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ById = table.Column<Guid>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: true),
                Field = table.Column<string>(maxLength: 20, nullable: false),
                From = table.Column<string>(maxLength: 500, nullable: true),
                To = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Tickets_Changes", x => x.Id));
        migrationBuilder.CreateIndex("IX_Tickets_Changes_TicketId_Position", "Tickets_Changes", ["TicketId", "Position"], unique: true);
    }
}
