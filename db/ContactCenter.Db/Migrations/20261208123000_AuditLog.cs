using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>The audit log: one append-only row per admin or supervisor action and per login hold (docs/security.md).</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261208123000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Audit_Entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorKind = table.Column<string>(maxLength: 20, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorName = table.Column<string>(maxLength: 200, nullable: false),
                ClientAddress = table.Column<string>(maxLength: 64, nullable: true),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                TargetKind = table.Column<string>(maxLength: 40, nullable: false),
                TargetId = table.Column<string>(maxLength: 200, nullable: false),
                TargetLabel = table.Column<string>(maxLength: 200, nullable: true),
                Changes = table.Column<string>(maxLength: 20000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Audit_Entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_Audit_Entries_At_Id", "Audit_Entries", ["At", "Id"]);
        migrationBuilder.CreateIndex("IX_Audit_Entries_TargetKind_At", "Audit_Entries", ["TargetKind", "At"]);
        migrationBuilder.CreateIndex("IX_Audit_Entries_Action_At", "Audit_Entries", ["Action", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Audit_Entries");
}
