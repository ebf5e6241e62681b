using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>The Channels module: channel accounts (plain settings as JSON, secrets as a Data Protection blob).</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122100000_Channels")]
public sealed class Channels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Channels_ChannelAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PluginId = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SettingsJson = table.Column<string>(nullable: false),
                ProtectedSecrets = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Channels_ChannelAccounts", x => x.Id));
        migrationBuilder.CreateIndex("IX_Channels_ChannelAccounts_Name", "Channels_ChannelAccounts", "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "Channels_ChannelAccounts");
}
