using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>The wrap-up of a finished conversation (when, by whom, contact reason, description) and the admin's list of contact reasons.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261206100000_WrapUp")]
public sealed class WrapUp : Migration
{
    private const string Conversations = "Conversations_Conversations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "FinishedAt", table: Conversations, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "FinishedById", table: Conversations, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ContactReasonId", table: Conversations, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ContactReasonName", table: Conversations, maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "FinishNote", table: Conversations, maxLength: 2000, nullable: true);
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_FinishedAt_Id", Conversations, ["FinishedAt", "Id"]);

        // Conversations finished before this version: their last message is the best known end, so they show in the history.
        migrationBuilder.Sql("""UPDATE "Conversations_Conversations" SET "FinishedAt" = "LastMessageAt" WHERE "Status" = 'Finished';""");

        migrationBuilder.CreateTable(
            name: "Conversations_ContactReasons",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_ContactReasons", x => x.Id));
        migrationBuilder.CreateIndex("IX_Conversations_ContactReasons_Name", "Conversations_ContactReasons", "Name", unique: true);
    }
}
