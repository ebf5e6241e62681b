using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Conversations.Messages;

/// <summary>
/// Messages: stored from the channels' inbound events, listed under the visibility rule, sent through the outbox,
/// their delivery followed.
/// </summary>
internal static class MessagesFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ConversationFinder>().InstancePerLifetimeScope();
        builder.RegisterType<MessageModifiers>().InstancePerLifetimeScope();
        builder.RegisterType<StoreInboundMessages>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<PrepareInboundBatch>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<InboundLookups>().InstancePerLifetimeScope();
        builder.RegisterType<ApplyDeliveryStatus>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<ListMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<FindMessages.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<ContactThreads>().InstancePerLifetimeScope();
        builder.RegisterType<MessagesById>().InstancePerLifetimeScope();
        builder.RegisterType<SendMessage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<SendTemplateMessage.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<AddBotMessage>().InstancePerLifetimeScope();
        builder.RegisterType<RecordSendOutcome>().AsImplementedInterfaces().InstancePerLifetimeScope();
        builder.RegisterType<PrepareSendOutcomes>().AsImplementedInterfaces().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListMessages.Map(api);
        SendMessage.Map(api);
        SendMessage.MapUpload(api);
        SendTemplateMessage.Map(api);
        FindMessages.Map(api);
    }
}
