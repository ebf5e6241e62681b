using Autofac;
using ContactCenter.Conversations.Contracts;
using ContactCenter.Conversations.Data;
using ContactCenter.Conversations.Listing;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Conversations;

/// <summary>
/// Owns conversations with contacts and who may see them; tables <c>Conversations_*</c>. For now the list,
/// the detail and the visibility rule; messages and the composer come with the messaging work.
/// </summary>
public sealed class ConversationsModule : Module, IContactCenterModule
{
    public const string ModuleName = "Conversations";

    public string Name => ModuleName;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<ConversationsApi>().As<IConversationsApi>().InstancePerLifetimeScope();
        builder.RegisterType<ConversationVisibility>().InstancePerLifetimeScope();
        builder.RegisterType<ListConversations.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetConversation.Handler>().InstancePerLifetimeScope();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new ConversationConfiguration());

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListConversations.Map(api);
        GetConversation.Map(api);
    }
}
