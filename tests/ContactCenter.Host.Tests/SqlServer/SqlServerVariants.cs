using ContactCenter.Host.Tests.Infrastructure;

namespace ContactCenter.Host.Tests.SqlServer;

// The integration suite's SQL Server variants: each runs exactly what its PostgreSQL variant runs, on a fresh SQL Server
// database, when ContactCenter__Tests__SqlServer holds a connection string, and skips saying so otherwise (no build
// machine here can run SQL Server). Kept in one file so adding one is one line; SqlServerVariantsTests fails when a
// PostgreSQL variant has none. SqlDialectTestsOnSqlServer lives beside its base: it adds a test of its own.

public sealed class AdminOperationsAuditTestsOnSqlServer() : Audit.AdminOperationsAuditTests(DatabaseKind.SqlServer);

public sealed class AuditAppendOnlyTestsOnSqlServer() : Audit.AuditAppendOnlyTests(DatabaseKind.SqlServer);

public sealed class AuditLogTestsOnSqlServer() : Audit.AuditLogTests(DatabaseKind.SqlServer);

public sealed class SecretsInLogsTestsOnSqlServer() : Audit.SecretsInLogsTests(DatabaseKind.SqlServer);

public sealed class ChannelAccountsApiTestsOnSqlServer() : Channels.ChannelAccountsApiTests(DatabaseKind.SqlServer);

public sealed class DemoChannelTestsOnSqlServer() : Channels.DemoChannelTests(DatabaseKind.SqlServer);

public sealed class ConversationListTestsOnSqlServer() : Conversations.ConversationListTests(DatabaseKind.SqlServer);

public sealed class ConversationVisibilityTestsOnSqlServer() : Conversations.ConversationVisibilityTests(DatabaseKind.SqlServer);

public sealed class DbaMigrationTestsOnSqlServer() : Database.DbaMigrationTests(DatabaseKind.SqlServer);

public sealed class MigrationsTestsOnSqlServer() : Database.MigrationsTests(DatabaseKind.SqlServer);

public sealed class UpgradeTestsOnSqlServer() : Database.UpgradeTests(DatabaseKind.SqlServer);

public sealed class TrackedEntitiesTestsOnSqlServer() : Database.TrackedEntitiesTests(DatabaseKind.SqlServer);

public sealed class EventDispatchTestsOnSqlServer() : Events.EventDispatchTests(DatabaseKind.SqlServer);

public sealed class ContactConversationsTestsOnSqlServer() : History.ContactConversationsTests(DatabaseKind.SqlServer);

public sealed class WrapUpAndHistoryTestsOnSqlServer() : History.WrapUpAndHistoryTests(DatabaseKind.SqlServer);

public sealed class UsersApiTestsOnSqlServer() : Identity.UsersApiTests(DatabaseKind.SqlServer);

public sealed class EchoAndTemplateTestsOnSqlServer() : Inbound.EchoAndTemplateTests(DatabaseKind.SqlServer);

public sealed class FixtureTestsOnSqlServer() : Inbound.FixtureTests(DatabaseKind.SqlServer);

public sealed class InboxFailuresPageTestsOnSqlServer() : Inbound.InboxFailuresPageTests(DatabaseKind.SqlServer);

public sealed class MediaTestsOnSqlServer() : Inbound.MediaTests(DatabaseKind.SqlServer);

public sealed class MessagePagingTestsOnSqlServer() : Inbound.MessagePagingTests(DatabaseKind.SqlServer);

public sealed class OddProviderTextTestsOnSqlServer() : Inbound.OddProviderTextTests(DatabaseKind.SqlServer);

public sealed class ProcessingTestsOnSqlServer() : Inbound.ProcessingTests(DatabaseKind.SqlServer);

public sealed class WebhookGroupCommitTestsOnSqlServer() : Inbound.WebhookGroupCommitTests(DatabaseKind.SqlServer);

public sealed class WebhookTestsOnSqlServer() : Inbound.WebhookTests(DatabaseKind.SqlServer);

public sealed class ConversationMarkTestsOnSqlServer() : Inbox.ConversationMarkTests(DatabaseKind.SqlServer);

public sealed class FirstResponseWarningTestsOnSqlServer() : Inbox.FirstResponseWarningTests(DatabaseKind.SqlServer);

public sealed class InboxNoticeTestsOnSqlServer() : Inbox.InboxNoticeTests(DatabaseKind.SqlServer);

public sealed class InboxPageTestsOnSqlServer() : Inbox.InboxPageTests(DatabaseKind.SqlServer);

public sealed class NotifierTestsOnSqlServer() : Inbox.NotifierTests(DatabaseKind.SqlServer);

public sealed class ContactsApiTestsOnSqlServer() : Leads.ContactsApiTests(DatabaseKind.SqlServer);

public sealed class LeadFormTestsOnSqlServer() : Leads.LeadFormTests(DatabaseKind.SqlServer);

public sealed class LeadIntakeTestsOnSqlServer() : Leads.LeadIntakeTests(DatabaseKind.SqlServer);

public sealed class PhoneNumberEntryTestsOnSqlServer() : Leads.PhoneNumberEntryTests(DatabaseKind.SqlServer);

public sealed class LeadsPagesRenderTestsOnSqlServer() : Leads.LeadsPagesRenderTests(DatabaseKind.SqlServer);

public sealed class UnansweredLeadTaskTestsOnSqlServer() : Leads.UnansweredLeadTaskTests(DatabaseKind.SqlServer);

public sealed class InactivityCloseTestsOnSqlServer() : Messaging.InactivityCloseTests(DatabaseKind.SqlServer);

public sealed class MediaMessagesTestsOnSqlServer() : Messaging.MediaMessagesTests(DatabaseKind.SqlServer);

public sealed class OutreachTestsOnSqlServer() : Messaging.OutreachTests(DatabaseKind.SqlServer);

public sealed class SendMessageTestsOnSqlServer() : Messaging.SendMessageTests(DatabaseKind.SqlServer);

public sealed class SendManyRepliesTestsOnSqlServer() : Messaging.SendManyRepliesTests(DatabaseKind.SqlServer);

public sealed class SendTemplateTestsOnSqlServer() : Messaging.SendTemplateTests(DatabaseKind.SqlServer);

public sealed class OutboxBackgroundTestsOnSqlServer() : Outbound.OutboxBackgroundTests(DatabaseKind.SqlServer);

public sealed class OutboxContentTestsOnSqlServer() : Outbound.OutboxContentTests(DatabaseKind.SqlServer);

public sealed class OutboxDeliveryTestsOnSqlServer() : Outbound.OutboxDeliveryTests(DatabaseKind.SqlServer);

public sealed class OutboxFailureTestsOnSqlServer() : Outbound.OutboxFailureTests(DatabaseKind.SqlServer);

public sealed class OutboxBatchTestsOnSqlServer() : Outbound.OutboxBatchTests(DatabaseKind.SqlServer);

public sealed class OutboxOrderTestsOnSqlServer() : Outbound.OutboxOrderTests(DatabaseKind.SqlServer);

public sealed class OutboxPageTestsOnSqlServer() : Outbound.OutboxPageTests(DatabaseKind.SqlServer);

public sealed class OutboxThroughputTestsOnSqlServer() : Outbound.OutboxThroughputTests(DatabaseKind.SqlServer);

public sealed class PluginsApiTestsOnSqlServer() : Plugins.PluginsApiTests(DatabaseKind.SqlServer);

public sealed class LiveQueuePushTestsOnSqlServer() : Presence.LiveQueuePushTests(DatabaseKind.SqlServer);

public sealed class LiveQueueTestsOnSqlServer() : Presence.LiveQueueTests(DatabaseKind.SqlServer);

public sealed class PresenceSweepTestsOnSqlServer() : Presence.PresenceSweepTests(DatabaseKind.SqlServer);

public sealed class RoutingSettingsPageTestsOnSqlServer() : Presence.RoutingSettingsPageTests(DatabaseKind.SqlServer);

public sealed class RoutingSettingsTestsOnSqlServer() : Presence.RoutingSettingsTests(DatabaseKind.SqlServer);

public sealed class AdminPagesRenderTestsOnSqlServer() : Queues.AdminPagesRenderTests(DatabaseKind.SqlServer);

public sealed class AgentsApiTestsOnSqlServer() : Queues.AgentsApiTests(DatabaseKind.SqlServer);

public sealed class DemoQueuesTestsOnSqlServer() : Queues.DemoQueuesTests(DatabaseKind.SqlServer);

public sealed class ProductsApiTestsOnSqlServer() : Queues.ProductsApiTests(DatabaseKind.SqlServer);

public sealed class TeamsApiTestsOnSqlServer() : Queues.TeamsApiTests(DatabaseKind.SqlServer);

public sealed class DemoRoutingTestsOnSqlServer() : Routing.DemoRoutingTests(DatabaseKind.SqlServer);

public sealed class OwnerRoutingTestsOnSqlServer() : Routing.OwnerRoutingTests(DatabaseKind.SqlServer);

public sealed class OwnershipTestsOnSqlServer() : Routing.OwnershipTests(DatabaseKind.SqlServer);

public sealed class PlacerTestsOnSqlServer() : Routing.PlacerTests(DatabaseKind.SqlServer);

public sealed class ReturningContactTestsOnSqlServer() : Routing.ReturningContactTests(DatabaseKind.SqlServer);

public sealed class RoutingScenarioTestsOnSqlServer() : Routing.RoutingScenarioTests(DatabaseKind.SqlServer);

public sealed class UnansweredLeadRoutingTestsOnSqlServer() : Routing.UnansweredLeadRoutingTests(DatabaseKind.SqlServer);

public sealed class SandboxLinkTestsOnSqlServer() : Sandbox.SandboxLinkTests(DatabaseKind.SqlServer);

public sealed class SandboxPhoneTestsOnSqlServer() : Sandbox.SandboxPhoneTests(DatabaseKind.SqlServer);

public sealed class FirstStartTestsOnSqlServer() : Startup.FirstStartTests(DatabaseKind.SqlServer);

public sealed class TemplateUsageReportTestsOnSqlServer() : Templates.TemplateUsageReportTests(DatabaseKind.SqlServer);

public sealed class TemplatesApiTestsOnSqlServer() : Templates.TemplatesApiTests(DatabaseKind.SqlServer);

public sealed class TicketsTestsOnSqlServer() : Tickets.TicketsTests(DatabaseKind.SqlServer);

public sealed class CircuitUseCasesTestsOnSqlServer() : Ui.CircuitUseCasesTests(DatabaseKind.SqlServer);

public sealed class MenuTestsOnSqlServer() : Ui.MenuTests(DatabaseKind.SqlServer);

public sealed class WebUiTestsOnSqlServer() : Ui.WebUiTests(DatabaseKind.SqlServer);

public sealed class ChatbotFlowTestsOnSqlServer() : Chatbot.ChatbotFlowTests(DatabaseKind.SqlServer);

public sealed class ChatbotRulesTestsOnSqlServer() : Chatbot.ChatbotRulesTests(DatabaseKind.SqlServer);

public sealed class BatchProcessingTestsOnSqlServer() : Inbound.BatchProcessingTests(DatabaseKind.SqlServer);

public sealed class ContactTimelineTestsOnSqlServer() : Leads.ContactTimelineTests(DatabaseKind.SqlServer);

public sealed class JobsTestsOnSqlServer() : Operations.JobsTests(DatabaseKind.SqlServer);

public sealed class MetricsTestsOnSqlServer() : Operations.MetricsTests(DatabaseKind.SqlServer);

public sealed class OverviewTestsOnSqlServer() : Operations.OverviewTests(DatabaseKind.SqlServer);

public sealed class ConversationRulesTestsOnSqlServer() : Security.ConversationRulesTests(DatabaseKind.SqlServer);

public sealed class GraphFaultTestsOnSqlServer() : Faults.GraphFaultTests(DatabaseKind.SqlServer);

public sealed class MediaStoreFaultTestsOnSqlServer() : Faults.MediaStoreFaultTests(DatabaseKind.SqlServer);

public sealed class WebhookFuzzTestsOnSqlServer() : Faults.WebhookFuzzTests(DatabaseKind.SqlServer);

public sealed class HostKillTestsOnSqlServer() : Faults.HostKillTests(DatabaseKind.SqlServer);
