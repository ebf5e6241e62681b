using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// Inbound messaging: the webhook inbox and the processed-event keys (Channels), contacts, messages, their
/// edit history and received media (Conversations).
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122400000_Inbound")]
public sealed class Inbound : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Channels_Inbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                Query = table.Column<string>(maxLength: 2000, nullable: false),
                HeadersJson = table.Column<string>(nullable: false),
                Body = table.Column<byte[]>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: true),
                ProcessedAt = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Channels_Inbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_Channels_Inbox_Status_ReceivedAt", "Channels_Inbox", ["Status", "ReceivedAt"]);

        migrationBuilder.CreateTable(
            name: "Channels_ProcessedEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 300, nullable: false),
                InboxId = table.Column<Guid>(nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Channels_ProcessedEvents", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_Channels_ProcessedEvents_ChannelAccountId_IdempotencyKey", "Channels_ProcessedEvents", ["ChannelAccountId", "IdempotencyKey"], unique: true);

        migrationBuilder.CreateTable(
            name: "Conversations_Contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                ProviderUserId = table.Column<string>(maxLength: 100, nullable: true),
                ProfileName = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_Contacts", x => x.Id));
        migrationBuilder.CreateIndex("IX_Conversations_Contacts_Phone", "Conversations_Contacts", "Phone", unique: true);
        migrationBuilder.CreateIndex("IX_Conversations_Contacts_ProviderUserId", "Conversations_Contacts", "ProviderUserId", unique: true);

        migrationBuilder.CreateTable(
            name: "Conversations_Messages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                Direction = table.Column<string>(maxLength: 10, nullable: false),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: true),
                ProviderMessageId = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: true),
                ErrorCode = table.Column<string>(maxLength: 50, nullable: true),
                ErrorText = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AuthorAgentId = table.Column<Guid>(nullable: true),
                ReplyToProviderMessageId = table.Column<string>(maxLength: 200, nullable: true),
                TargetProviderMessageId = table.Column<string>(maxLength: 200, nullable: true),
                StructuredJson = table.Column<string>(nullable: true),
                Reaction = table.Column<string>(maxLength: 50, nullable: true),
                EditedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_Messages", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_Conversations_Messages_ChannelAccountId_ProviderMessageId", "Conversations_Messages", ["ChannelAccountId", "ProviderMessageId"], unique: true);
        migrationBuilder.CreateIndex(
            "IX_Conversations_Messages_ConversationId_CreatedAt_Id", "Conversations_Messages", ["ConversationId", "CreatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Conversations_Messages_TargetProviderMessageId", "Conversations_Messages", "TargetProviderMessageId");

        migrationBuilder.CreateTable(
            name: "Conversations_MessageEdits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                PreviousText = table.Column<string>(maxLength: 8000, nullable: true),
                EditedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_MessageEdits", x => x.Id));
        migrationBuilder.CreateIndex("IX_Conversations_MessageEdits_MessageId", "Conversations_MessageEdits", "MessageId");

        migrationBuilder.CreateTable(
            name: "Conversations_Media",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                ProviderMediaId = table.Column<string>(maxLength: 200, nullable: false),
                ProviderUrl = table.Column<string>(maxLength: 2000, nullable: true),
                MimeType = table.Column<string>(maxLength: 100, nullable: true),
                Size = table.Column<long>(nullable: true),
                Sha256 = table.Column<string>(maxLength: 100, nullable: true),
                Caption = table.Column<string>(maxLength: 8000, nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: true),
                StoragePath = table.Column<string>(maxLength: 300, nullable: true),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Conversations_Media", x => x.Id));
        migrationBuilder.CreateIndex("IX_Conversations_Media_MessageId", "Conversations_Media", "MessageId");
        migrationBuilder.CreateIndex("IX_Conversations_Media_Status_NextAttemptAt", "Conversations_Media", ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Conversations_Media");
        migrationBuilder.DropTable("Conversations_MessageEdits");
        migrationBuilder.DropTable("Conversations_Messages");
        migrationBuilder.DropTable("Conversations_Contacts");
        migrationBuilder.DropTable("Channels_ProcessedEvents");
        migrationBuilder.DropTable("Channels_Inbox");
    }
}
