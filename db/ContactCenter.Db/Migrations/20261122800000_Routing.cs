using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContactCenter.Db.Migrations;

/// <summary>
/// Routing: the work items it hands out (open conversations, unanswered-lead tasks), the log of its decisions, and
/// each agent's load (conversations and tasks assigned) and last assignment (who has been idle the longest).
/// </summary>
[DbContext(typeof(ContactCenterDbContext))]
[Migration("20261122800000_Routing")]
public sealed class Routing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("ActiveCount", "Queues_Agents", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("LastAssignedAt", "Queues_Agents", nullable: true);

        migrationBuilder.CreateTable(
            name: "Queues_WorkItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                ChannelAccountId = table.Column<Guid>(nullable: true),
                ProductId = table.Column<Guid>(nullable: true),
                TeamId = table.Column<Guid>(nullable: true),
                OwnerAgentId = table.Column<Guid>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                AssignedAgentId = table.Column<Guid>(nullable: true),
                AssignedAt = table.Column<DateTime>(nullable: true),
                FirstResponseDueAt = table.Column<DateTime>(nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                WaitingSince = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Queues_WorkItems", x => x.Id));
        migrationBuilder.CreateIndex("IX_Queues_WorkItems_Kind_SubjectId", "Queues_WorkItems", ["Kind", "SubjectId"], unique: true);
        migrationBuilder.CreateIndex("IX_Queues_WorkItems_State_WaitingSince", "Queues_WorkItems", ["State", "WaitingSince"]);
        migrationBuilder.CreateIndex("IX_Queues_WorkItems_AssignedAgentId", "Queues_WorkItems", "AssignedAgentId");
        migrationBuilder.CreateIndex("IX_Queues_WorkItems_FirstResponseDueAt", "Queues_WorkItems", "FirstResponseDueAt");

        migrationBuilder.CreateTable(
            name: "Queues_RoutingDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkItemId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Rule = table.Column<string>(maxLength: 30, nullable: false),
                ChosenAgentId = table.Column<Guid>(nullable: true),
                PreviousAgentId = table.Column<Guid>(nullable: true),
                TeamId = table.Column<Guid>(nullable: true),
                Explanation = table.Column<string>(maxLength: 2000, nullable: false),
                CandidatesJson = table.Column<string>(nullable: false),
                CandidatesConsidered = table.Column<int>(nullable: false),
                RoundId = table.Column<Guid>(nullable: true),
                ByUserId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Queues_RoutingDecisions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Queues_RoutingDecisions_SubjectId", "Queues_RoutingDecisions", "SubjectId");
        migrationBuilder.CreateIndex("IX_Queues_RoutingDecisions_WorkItemId", "Queues_RoutingDecisions", "WorkItemId");
    }
}
