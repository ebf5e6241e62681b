using ContactCenter.Host.Tests.Infrastructure;
using ContactCenter.Host.Tests.Queues;
using ContactCenter.Host.Tests.Routing;
using ContactCenter.Tickets.Ui;

namespace ContactCenter.Host.Tests.Tickets;

/// <summary>The tickets list and a ticket's page as an agent reads them, in Portuguese and English, over the real handlers.</summary>
public sealed class TicketPagesRenderTests() : RoutingTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_list_shows_the_agents_team_tickets_and_the_page_shows_messages_and_history_in_portuguese()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        await CreateAgentAsync("ana", comercial);
        var conversation = await ArriveAsync(vendas, text: "Meu boleto veio errado");
        var client = await Host.LoginAsync("ana", Arrange.Password);
        var message = (string)(await client.GetJsonAsync($"/api/v1/conversations/{conversation}/messages"))["items"]![0]!["id"]!;
        var (_, ticket) = await client.PostJsonAsync("/api/v1/tickets", new { title = "Boleto em dobro", priority = "urgent", conversationId = conversation, messageIds = new[] { message } });
        var number = (int)ticket["ticket"]!["number"]!;
        await client.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "pending" });

        var list = await Host.RenderAsync<TicketsPage>("ana", "pt-BR");
        var page = await Host.RenderAsync<TicketDetailPage>("ana", "pt-BR", new Dictionary<string, object?> { ["Number"] = number });
        var english = await Host.RenderAsync<TicketDetailPage>("ana", "en", new Dictionary<string, object?> { ["Number"] = number });

        Assert.Contains("Chamados", list, StringComparison.Ordinal);
        Assert.Contains("Boleto em dobro", list, StringComparison.Ordinal);
        Assert.Contains("Pendente", list, StringComparison.Ordinal);
        Assert.Contains("Urgente", list, StringComparison.Ordinal);
        Assert.Contains($"#{number} · Boleto em dobro", page, StringComparison.Ordinal);
        Assert.Contains("Meu boleto veio errado", page, StringComparison.Ordinal);
        Assert.Contains("abriu o chamado", page, StringComparison.Ordinal);
        Assert.Contains("mudou a situação de Aberto para Pendente", page, StringComparison.Ordinal);
        Assert.Contains("changed the status from Open to Pending", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_teams_agent_reads_that_the_ticket_is_not_theirs_to_see()
    {
        var vendas = await CreateNumberAsync("Vendas");
        var comercial = await CreateTeamAsync("Comercial", "auto", vendas);
        var suporte = await CreateTeamAsync("Suporte", "pool");
        await CreateAgentAsync("carla", suporte);
        var (_, ticket) = await Host.CreateAdminClient().PostJsonAsync("/api/v1/tickets", new { title = "Do comercial", teamId = comercial });

        var page = await Host.RenderAsync<TicketDetailPage>("carla", "pt-BR", new Dictionary<string, object?> { ["Number"] = (int)ticket["ticket"]!["number"]! });

        Assert.Contains("não existe ou você não pode vê-lo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Do comercial", page, StringComparison.Ordinal);
    }
}
