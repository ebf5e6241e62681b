using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>A contact's temperature (cold, warm, hot), set by agents and raised by rules; null until first rated.</summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261208122000_ContactTemperature")]
public sealed class ContactTemperature : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Temperature", table: "Leads_Contacts", maxLength: 10, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Temperature", table: "Leads_Contacts");
}
