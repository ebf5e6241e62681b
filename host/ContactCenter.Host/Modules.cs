using ContactCenter.Audit;
using ContactCenter.Channels;
using ContactCenter.Chatbot;
using ContactCenter.Conversations;
using ContactCenter.Identity;
using ContactCenter.Kernel.Modules;
using ContactCenter.Leads;
using ContactCenter.Operations;
using ContactCenter.Queues;
using ContactCenter.Templates;
using ContactCenter.Tickets;

namespace ContactCenter.Host;

/// <summary>The one place that says which domain modules make up the product.</summary>
internal static class Modules
{
    public static IReadOnlyList<IContactCenterModule> All { get; } =
    [
        new IdentityModule(),
        new ChannelsModule(),
        new QueuesModule(),
        new LeadsModule(),
        new ConversationsModule(),
        new TemplatesModule(),
        new TicketsModule(),
        new ChatbotModule(),
        new OperationsModule(),
        new AuditModule(),
    ];
}
