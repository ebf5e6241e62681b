using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>The Queues module (teams, products, agents' routing profiles) and the Conversations list.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122200000_QueuesConversations")]
public sealed class QueuesConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Queues_Teams",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                RoutingMode = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Queues_Teams", x => x.Id));
        migrationBuilder.CreateIndex("IX_Queues_Teams_NormalizedName", "Queues_Teams", "NormalizedName", unique: true);

        migrationBuilder.CreateTable(
            name: "Queues_TeamMembers",
            columns: table => new
            {
                TeamId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Queues_TeamMembers", x => new { x.TeamId, x.UserId });
                table.ForeignKey(
                    name: "FK_Queues_TeamMembers_Queues_Teams_TeamId",
                    column: x => x.TeamId,
                    principalTable: "Queues_Teams",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Queues_TeamMembers_UserId", "Queues_TeamMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "Queues_TeamChannelAccounts",
            columns: table => new
            {
                TeamId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Queues_TeamChannelAccounts", x => new { x.TeamId, x.ChannelAccountId });
                table.ForeignKey(
                    name: "FK_Queues_TeamChannelAccounts_Queues_Teams_TeamId",
                    column: x => x.TeamId,
                    principalTable: "Queues_Teams",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Queues_TeamChannelAccounts_ChannelAccountId", "Queues_TeamChannelAccounts", "ChannelAccountId");

        migrationBuilder.CreateTable(
            name: "Queues_Products",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                TeamId = table.Column<Guid>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Queues_Products", x => x.Id);
                table.ForeignKey(
                    name: "FK_Queues_Products_Queues_Teams_TeamId",
                    column: x => x.TeamId,
                    principalTable: "Queues_Teams",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Queues_Products_Slug", "Queues_Products", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Queues_Products_TeamId", "Queues_Products", "TeamId");

        migrationBuilder.CreateTable(
            name: "Queues_Agents",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Presence = table.Column<string>(maxLength: 20, nullable: false),
                PresenceChangedAt = table.Column<DateTime>(nullable: false),
                MaxConcurrentConversations = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Queues_Agents", x => x.UserId));

        migrationBuilder.CreateTable(
            name: "Queues_AgentProducts",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Queues_AgentProducts", x => new { x.UserId, x.ProductId });
                table.ForeignKey(
                    name: "FK_Queues_AgentProducts_Queues_Agents_UserId",
                    column: x => x.UserId,
                    principalTable: "Queues_Agents",
                    principalColumn: "UserId",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Queues_AgentProducts_Queues_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Queues_Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Queues_AgentProducts_ProductId", "Queues_AgentProducts", "ProductId");

        migrationBuilder.CreateTable(
            name: "Conversations_Conversations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ContactName = table.Column<string>(maxLength: 200, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 20, nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                AssignedAgentId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastMessageAt = table.Column<DateTime>(nullable: false),
                WindowClosesAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_Conversations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_ContactId", "Conversations_Conversations", "ContactId");
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_TeamId", "Conversations_Conversations", "TeamId");
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_AssignedAgentId", "Conversations_Conversations", "AssignedAgentId");
        migrationBuilder.CreateIndex(
            "IX_Conversations_Conversations_LastMessageAt_Id", "Conversations_Conversations", ["LastMessageAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Conversations_Conversations_WindowClosesAt", "Conversations_Conversations", "WindowClosesAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Conversations_Conversations");
        migrationBuilder.DropTable("Queues_AgentProducts");
        migrationBuilder.DropTable("Queues_Agents");
        migrationBuilder.DropTable("Queues_Products");
        migrationBuilder.DropTable("Queues_TeamChannelAccounts");
        migrationBuilder.DropTable("Queues_TeamMembers");
        migrationBuilder.DropTable("Queues_Teams");
    }
}
