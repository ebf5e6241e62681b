using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// The ticket counter: one row holding the last number given, started from the tickets already there. Numbers were
/// the highest plus one, retried on a clash, which ran out of attempts when many tickets were opened at once.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261208125000_TicketNumbering")]
public sealed class TicketNumbering : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tickets_Numbering",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Last = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tickets_Numbering", x => x.Id));

        // Double-quoted names read the same on SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on by default).
        migrationBuilder.Sql("""INSERT INTO "Tickets_Numbering" ("Id", "Last") SELECT 1, COALESCE(MAX("Number"), 0) FROM "Tickets_Tickets";""");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "Tickets_Numbering");
}
