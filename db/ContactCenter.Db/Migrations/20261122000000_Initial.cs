using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>Data Protection keys and the Identity module (users, API keys).</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Kernel_DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Kernel_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Identity_Users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                PasswordHash = table.Column<string>(maxLength: 500, nullable: false),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                SecurityStamp = table.Column<string>(maxLength: 64, nullable: false),
                FailedLoginCount = table.Column<int>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Identity_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Identity_Users_UserName", "Identity_Users", "UserName", unique: true);

        migrationBuilder.CreateTable(
            name: "Identity_ApiKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Identity_ApiKeys", x => x.Id));
        migrationBuilder.CreateIndex("IX_Identity_ApiKeys_KeyHash", "Identity_ApiKeys", "KeyHash", unique: true);
    }
}
