using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// The chatbot: its triggers and settings, a session and a log per conversation it greets; and the mark on messages
/// the bot wrote.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261208121000_Chatbot")]
public sealed class Chatbot : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("SentByBot", "Conversations_Messages", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "Chatbot_Triggers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 200, nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                IdleComparison = table.Column<string>(maxLength: 20, nullable: false),
                IdleHours = table.Column<double>(nullable: true),
                Keywords = table.Column<string>(maxLength: 500, nullable: true),
                IsTeamEntry = table.Column<bool>(nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                Message = table.Column<string>(maxLength: 4096, nullable: true),
                TargetTeamId = table.Column<Guid>(nullable: true),
                HandsOff = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Chatbot_Triggers", x => x.Id));
        migrationBuilder.CreateIndex("IX_Chatbot_Triggers_Position", "Chatbot_Triggers", "Position");

        migrationBuilder.CreateTable(
            name: "Chatbot_Settings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                FirstContactTeamId = table.Column<Guid>(nullable: true),
                WelcomeMessage = table.Column<string>(maxLength: 4096, nullable: true),
                OutsideHoursMessage = table.Column<string>(maxLength: 4096, nullable: true),
                InactivityCloseHours = table.Column<int>(nullable: true),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                BusinessHoursJson = table.Column<string>(maxLength: 20000, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Chatbot_Settings", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Chatbot_Sessions",
            columns: table => new
            {
                ConversationId = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                LastInteractionAt = table.Column<DateTime>(nullable: true),
                LastInboundAt = table.Column<DateTime>(nullable: true),
                LastInboundText = table.Column<string>(maxLength: 8000, nullable: true),
                DueAt = table.Column<DateTime>(nullable: true),
                LogCount = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Chatbot_Sessions", x => x.ConversationId));
        migrationBuilder.CreateIndex("IX_Chatbot_Sessions_State_DueAt", "Chatbot_Sessions", ["State", "DueAt"]);

        migrationBuilder.CreateTable(
            name: "Chatbot_Log",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                TriggerId = table.Column<Guid>(nullable: true),
                TriggerDescription = table.Column<string>(maxLength: 200, nullable: true),
                ArgsJson = table.Column<string>(maxLength: 10000, nullable: false),
                VerdictsJson = table.Column<string>(maxLength: 40000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Chatbot_Log", x => x.Id));
        migrationBuilder.CreateIndex("IX_Chatbot_Log_ConversationId_Position", "Chatbot_Log", ["ConversationId", "Position"], unique: true);
    }
}
