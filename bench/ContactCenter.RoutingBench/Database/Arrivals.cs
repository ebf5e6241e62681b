using System.Globalization;
using System.Text.Json;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Kernel.Data;
using ContactCenter.Queues.Contracts;
using ContactCenter.Queues.Routing;
using Conversation = ContactCenter.Conversations.Domain.Conversation;
using LeadsContact = ContactCenter.Leads.Domain.Contact;
using TimelineEntry = ContactCenter.Leads.Domain.TimelineEntry;
using TimelineKinds = ContactCenter.Leads.Domain.TimelineKinds;

namespace ContactCenter.RoutingBench.Database;

/// <summary>
/// What a waiting conversation left in the database when it arrived from a new WhatsApp number and nobody could take
/// it, beside its work item: the contact Leads upserted (ContactBook: phone, WhatsApp profile name; the backlog line gave
/// it its team), the conversation Conversations opened (ConversationFinder; ApplyRouting of the backlog decision: its
/// team, status New), the contact's timeline lines (ArrivalMatcher's arrival, RecordRouting's backlog line) and the
/// backlog decision's log row (RoutingStore). Texts and JSON are shaped as those writers shape them, so the round's
/// handlers find, change and write rows of the real size. The backlog decision is the policy's own, taken on the
/// scenario with every agent away (the same for every conversation of one product).
/// </summary>
internal sealed class Arrivals
{
    private static readonly JsonSerializerOptions TimelineJson = new(JsonSerializerDefaults.Web);

    private readonly Scenario _scenario;
    private readonly RoutingSnapshot _nobodyAvailable;
    private readonly Dictionary<Guid, (RoutingDecision Decision, string Candidates, int Considered)> _byProduct = [];

    public Arrivals(Scenario scenario)
    {
        _scenario = scenario;
        _nobodyAvailable = scenario.NewSnapshot(everyone: AgentPresence.Away);
    }

    /// <summary>Adds the rows of the <paramref name="number"/>th waiting conversation, whose work item is <paramref name="item"/>.</summary>
    public void Add(ContactCenterDbContext db, WorkItem item, int number)
    {
        var at = item.WaitingSince;
        var phone = string.Create(CultureInfo.InvariantCulture, $"55119{number:D8}");
        var name = string.Create(CultureInfo.InvariantCulture, $"Cliente {number:D5}");
        var (decision, candidates, considered) = Backlog(item);
        var teamName = decision.Team!.Name;

        db.Add(new LeadsContact { Id = item.ContactId, Phone = phone, ProfileName = name, TeamId = item.TeamId, CreatedAt = at, UpdatedAt = at });

        var conversation = new Conversation
        {
            Id = item.SubjectId,
            ContactId = item.ContactId,
            ContactName = name,
            ContactPhone = phone,
            ChannelAccountId = item.ChannelAccountId!.Value,
            Status = ConversationStatus.New,
            CreatedAt = at,
            LastMessageAt = at,
            WindowClosesAt = at.AddHours(24),
            ProductId = item.ProductId,
        };
        conversation.ApplyRouting(item.TeamId, null, at, null);
        db.Add(conversation);

        db.Add(new TimelineEntry
        {
            ContactId = item.ContactId,
            At = at,
            Kind = TimelineKinds.WhatsAppArrival,
            Text = $"Contacted via WhatsApp for product {decision.ProductName}.",
            Data = JsonSerializer.Serialize(new { leadCode = (string?)null, matchedBy = (string?)null }, TimelineJson),
            ConversationId = item.SubjectId,
            ProductId = item.ProductId,
        });
        db.Add(new TimelineEntry
        {
            ContactId = item.ContactId,
            At = at,
            Kind = TimelineKinds.Routed,
            Text = Cut($"Nobody was available: the conversation waits in the backlog of the team {teamName}. Why: {decision.Explanation}", 1000),
            Data = JsonSerializer.Serialize(
                new
                {
                    rule = RoutingRule.Backlog.ToString(),
                    decision.Explanation,
                    PreviousAgentId = (Guid?)null,
                    ByUserId = (Guid?)null,
                    agentName = (string?)null,
                    previousAgentName = (string?)null,
                    teamName,
                    byName = (string?)null,
                },
                TimelineJson),
            ConversationId = item.SubjectId,
        });

        db.Add(new RoutingDecisionEntry
        {
            WorkItemId = item.Id,
            SubjectId = item.SubjectId,
            At = at,
            Rule = RoutingRule.Backlog,
            TeamId = item.TeamId,
            Explanation = Cut(decision.Explanation, 2000),
            CandidatesJson = candidates,
            CandidatesConsidered = considered,
        });
    }

    private (RoutingDecision Decision, string Candidates, int Considered) Backlog(WorkItem item)
    {
        var productId = item.ProductId!.Value;
        if (_nobodyAvailable.ProductName(productId) is null)
        {
            // The warm-up's own team and product, outside the scenario: a plain backlog decision will do.
            var team = new TeamState(item.TeamId!.Value, "Warm-up", TeamRoutingMode.Auto);
            return (new RoutingDecision(RoutingRule.Backlog, team, null, "Routed to the team Warm-up; nobody there can take it now: it waits in the backlog.")
            {
                ProductName = "Warm-up",
            }, "[]", 0);
        }

        if (!_byProduct.TryGetValue(productId, out var known))
        {
            var decision = RoutingPolicy.Decide(
                new RoutingFacts(null, productId, _scenario.ChannelAccountId, null, ConsiderOwner: true), _nobodyAvailable);
            if (decision.Rule != RoutingRule.Backlog)
            {
                throw new InvalidOperationException($"With every agent away the arrival should wait in the backlog, not {decision.Rule}.");
            }

            var (candidates, considered) = decision.DescribeCandidates();
            known = (decision, JsonSerializer.Serialize(candidates, RoutingStore.Json), considered);
            _byProduct[productId] = known;
        }

        return known;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
