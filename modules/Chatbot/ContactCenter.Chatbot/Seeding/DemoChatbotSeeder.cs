using ContactCenter.Chatbot.Domain;
using ContactCenter.Chatbot.Settings;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Startup;
using ContactCenter.Queues.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Chatbot.Seeding;

/// <summary>
/// The example flow of seed 003 for the demo organisation (after Queues seeds its teams, Order 40): a greeting menu in
/// Comercial, the first-contact team → "Comercial" / "Suporte" → that team's entry menu → "Atendimento" → a bot message,
/// then an agent of the team takes over. <see cref="Setting"/> false leaves the bot out of the demo (the test suites do,
/// so their trial conversations go straight to routing).
/// </summary>
internal sealed class DemoChatbotSeeder(ContactCenterDbContext db, IQueuesApi queues, IConfiguration configuration, TimeProvider clock) : IStartupSeeder
{
    public const string Setting = "ContactCenter:DemoChatbot";

    public int Order => 50;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemoData || string.Equals(configuration[Setting], "false", StringComparison.OrdinalIgnoreCase)
            || await db.Set<BotTrigger>().AnyAsync(cancellationToken) || await db.Set<BotSettings>().AnyAsync(cancellationToken))
        {
            return;
        }

        var teams = await queues.ListTeamsAsync(cancellationToken);
        if (teams.FirstOrDefault(t => t.Name == "Comercial") is not { } comercial || teams.FirstOrDefault(t => t.Name == "Suporte") is not { } suporte)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(8, 0), new TimeOnly(18, 0))).ToList();
        db.Add(new BotSettings
        {
            FirstContactTeamId = comercial.Id,
            OutsideHoursMessage = "Nosso horário de atendimento é de segunda a sexta, das 8h às 18h. Deixe sua mensagem: respondemos assim que possível.",
            BusinessHoursJson = BusinessHours.Write([new TeamHours(comercial.Id, week, []), new TeamHours(suporte.Id, week, [])]),
            UpdatedAt = now,
        });
        var position = 0;
        BotTrigger Add(string description, Guid team, Action<BotTrigger> shape)
        {
            var trigger = new BotTrigger { Description = description, TeamId = team, Position = position += 10, CreatedAt = now, UpdatedAt = now };
            shape(trigger);
            db.Add(trigger);
            return trigger;
        }

        Add("Saudação", comercial.Id, t => (t.IdleComparison, t.IdleHours, t.Message) = (Domain.IdleComparison.GreaterThan, 1, "Olá! Sou o assistente virtual. Digite *Comercial* para falar com vendas ou *Suporte* para ajuda com o seu produto."));
        Add("Menu: Comercial", comercial.Id, t => (t.IdleComparison, t.IdleHours, t.Keywords, t.Action, t.TargetTeamId) = (Domain.IdleComparison.LessThan, 23, "comercial, vendas", BotAction.MoveToTeam, comercial.Id));
        Add("Menu: Suporte", comercial.Id, t => (t.IdleComparison, t.IdleHours, t.Keywords, t.Action, t.TargetTeamId) = (Domain.IdleComparison.LessThan, 23, "suporte", BotAction.MoveToTeam, suporte.Id));
        Add("Entrada Comercial", comercial.Id, t => (t.IsTeamEntry, t.Message) = (true, "Você está no Comercial. Digite *Atendimento* para falar com um consultor."));
        Add("Entrada Suporte", suporte.Id, t => (t.IsTeamEntry, t.Message) = (true, "Você está no Suporte. Digite *Atendimento* para falar com um analista."));
        Add("Atendimento Comercial", comercial.Id, t => (t.Keywords, t.Message, t.HandsOff) = ("atendimento", "Certo! Um consultor continua o atendimento em instantes.", true));
        Add("Atendimento Suporte", suporte.Id, t => (t.Keywords, t.Message, t.HandsOff) = ("atendimento", "Certo! Um analista continua o atendimento em instantes.", true));
        await db.SaveChangesAsync(cancellationToken);
        context.Report.Add("  Demo chatbot: greeting menu in Comercial → \"Comercial\" / \"Suporte\" → the team's menu → \"Atendimento\" → an agent (/chatbot).");
    }
}
