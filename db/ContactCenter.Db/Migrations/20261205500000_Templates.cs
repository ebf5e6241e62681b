using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>Message templates per channel account with their review status, and one row per billable template send.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261205500000_Templates")]
public sealed class Templates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Templates_Templates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 512, nullable: false),
                Language = table.Column<string>(maxLength: 20, nullable: false),
                Category = table.Column<string>(maxLength: 20, nullable: false),
                HeaderText = table.Column<string>(maxLength: 60, nullable: true),
                HeaderExample = table.Column<string>(maxLength: 200, nullable: true),
                Body = table.Column<string>(maxLength: 1024, nullable: false),
                BodyExamplesJson = table.Column<string>(nullable: false),
                Footer = table.Column<string>(maxLength: 60, nullable: true),
                ButtonsJson = table.Column<string>(nullable: false),
                BindingsJson = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                ProviderTemplateId = table.Column<string>(maxLength: 100, nullable: true),
                StatusChangedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Templates_Templates", x => x.Id));
        migrationBuilder.CreateIndex("IX_Templates_Templates_ChannelAccountId_Name_Language", "Templates_Templates", ["ChannelAccountId", "Name", "Language"], unique: true);
        migrationBuilder.CreateIndex("IX_Templates_Templates_ProviderTemplateId", "Templates_Templates", "ProviderTemplateId");

        migrationBuilder.CreateTable(
            name: "Templates_Sends",
            columns: table => new
            {
                MessageId = table.Column<Guid>(nullable: false),
                TemplateId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                AgentId = table.Column<Guid>(nullable: true),
                TeamId = table.Column<Guid>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: false),
                Day = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Templates_Sends", x => x.MessageId));
        migrationBuilder.CreateIndex("IX_Templates_Sends_Day", "Templates_Sends", "Day");
    }
}
