using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// When the conversation's agent got it and when they lose it unless they answer (the inbox's countdown), and the
/// agent's pending / resolved mark.
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261206200000_FirstResponseCountdown")]
public sealed class FirstResponseCountdown : Migration
{
    private const string Conversations = "Conversations_Conversations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "AssignedAt", table: Conversations, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "FirstResponseDueAt", table: Conversations, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Mark", table: Conversations, maxLength: 20, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Mark", table: Conversations);
        migrationBuilder.DropColumn(name: "FirstResponseDueAt", table: Conversations);
        migrationBuilder.DropColumn(name: "AssignedAt", table: Conversations);
    }
}
