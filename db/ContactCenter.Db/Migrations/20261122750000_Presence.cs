using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// Stored routing settings (one row), and what the presence sweeper needs on an agent's profile: since when their
/// browser is gone, and whether they work an outreach queue (never made away for it).
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122750000_Presence")]
public sealed class Presence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Queues_RoutingSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                BacklogRoundSeconds = table.Column<int>(nullable: false),
                FirstResponseTimeoutSeconds = table.Column<int>(nullable: false),
                UnansweredLeadMinutes = table.Column<int>(nullable: false),
                AwayAfterDisconnectSeconds = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Queues_RoutingSettings", x => x.Id));

        migrationBuilder.AddColumn<bool>("InOutreachQueue", "Queues_Agents", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("DisconnectedSince", "Queues_Agents", nullable: true);
        migrationBuilder.CreateIndex("IX_Queues_Agents_DisconnectedSince", "Queues_Agents", "DisconnectedSince");
    }
}
