using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>The Channels module's outbox: outbound messages waiting for, being sent by, or done with the sender.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122500000_Outbound")]
public sealed class Outbound : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Channels_Outbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                HostMessageId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: false),
                RecipientPhone = table.Column<string>(maxLength: 32, nullable: true),
                RecipientUserId = table.Column<string>(maxLength: 200, nullable: true),
                ContentType = table.Column<string>(maxLength: 20, nullable: false),
                ContentJson = table.Column<string>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LeaseOwner = table.Column<string>(maxLength: 100, nullable: true),
                LeaseUntil = table.Column<DateTime>(nullable: true),
                ProviderMessageId = table.Column<string>(maxLength: 200, nullable: true),
                LastErrorKind = table.Column<string>(maxLength: 30, nullable: true),
                LastErrorCode = table.Column<string>(maxLength: 100, nullable: true),
                LastErrorText = table.Column<string>(maxLength: 2000, nullable: true),
                ReasonCode = table.Column<string>(maxLength: 50, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Channels_Outbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_Channels_Outbox_HostMessageId", "Channels_Outbox", "HostMessageId", unique: true);
        migrationBuilder.CreateIndex("IX_Channels_Outbox_Status_NextAttemptAt", "Channels_Outbox", ["Status", "NextAttemptAt"]);
    }
}
