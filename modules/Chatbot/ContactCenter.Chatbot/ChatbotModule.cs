using Autofac;
using ContactCenter.Chatbot.Seeding;
using ContactCenter.Chatbot.Ui;
using ContactCenter.Kernel.Modules;
using ContactCenter.Kernel.Startup;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ContactCenter.Chatbot;

/// <summary>
/// Owns the built-in chatbot (seed 003, docs/chatbot.md): triggers (conditions + action), the automatic messages and
/// business hours, a session and a log per conversation it greets, and the hand-off to routing; tables <c>Chatbot_*</c>.
/// </summary>
public sealed class ChatbotModule : Module, IContactCenterModule
{
    public const string ModuleName = "Chatbot";

    public string Name => ModuleName;

    /// <summary>The admin page: settings, triggers, the flow picture and "Testar".</summary>
    public System.Reflection.Assembly? UiAssembly => typeof(ChatbotModule).Assembly;

    public IReadOnlyList<NavItem> NavItems => ChatbotMenu.Items;

    protected override void Load(ContainerBuilder builder)
    {
        ChatbotFeature.Register(builder);
        builder.RegisterType<ChatbotView>().InstancePerLifetimeScope();
        builder.RegisterType<DemoChatbotSeeder>().As<IStartupSeeder>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => ChatbotFeature.Map(api);

    public void ConfigureJobs(IQuartzBuilder quartz) => ChatbotFeature.Schedule(quartz);
}
