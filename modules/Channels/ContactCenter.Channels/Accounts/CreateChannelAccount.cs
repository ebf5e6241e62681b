using System.Text.Json;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Domain;
using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Events;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Channels.Accounts;

internal static class CreateChannelAccount
{
    /// <summary>Settings are keyed as in the plugin's manifest; values are text, numbers or booleans.</summary>
    internal sealed record Request(string? PluginId, string? Name, Dictionary<string, JsonElement>? Settings);

    internal sealed class Handler(
        ContactCenterDbContext db,
        IChannelPluginCatalog catalog,
        ChannelSecrets secrets,
        TimeProvider clock,
        IDomainEvents events,
        IAuditLog audit)
    {
        public async Task<Result<ChannelAccountView>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var validator = new Validator().Require("pluginId", request.PluginId, "Choose the plugin that serves this account.");
            AccountRules.CheckName(validator, request.Name);
            if (string.IsNullOrWhiteSpace(request.PluginId))
            {
                return validator.ToError();
            }

            var plugin = AccountRules.FindUsablePlugin(catalog, request.PluginId.Trim());
            if (!plugin.IsSuccess)
            {
                return plugin.Error;
            }

            var settings = SettingsRules.Apply(validator, plugin.Value, request.Settings, storedSecrets: null);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var name = request.Name!.Trim();
            if (await db.Set<ChannelAccount>().AnyAsync(a => a.Name == name, cancellationToken))
            {
                return Error.Conflict("channel_account_name_taken", $"There is already a channel account named '{name}'.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var account = new ChannelAccount
            {
                PluginId = plugin.Value.Id,
                Name = name,
                SettingsJson = JsonSerializer.Serialize(settings.Plain),
                ProtectedSecrets = secrets.Protect(settings.Secrets),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Set<ChannelAccount>().Add(account);
            audit.Record("channelAccount.created", ChannelAccountAudit.Target(account), after: ChannelAccountAudit.Snapshot(account, settings.Plain, settings.Secrets));
            events.Raise(new ChannelAccountCreated(account.Id, account.PluginId, account.Name));
            await db.SaveChangesAsync(cancellationToken);
            return ChannelAccountView.From(account, catalog, secrets);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/channel-accounts", async Task<Results<Created<ChannelAccountView>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(view => TypedResults.Created($"/api/v1/channel-accounts/{view.Id}", view)))
        .WithName("CreateChannelAccount")
        .WithSummary("Add a channel account")
        .WithDescription("Body: { pluginId, name, settings: { <key>: <value> } } with the keys of the plugin's settings schema " +
            "(GET /api/v1/plugins). Settings are checked against the schema (errors keyed 'settings.<key>'). Secret settings " +
            "are encrypted at rest and never returned: responses show a secret that is set as \"********\".")
        .WithTags("Channel accounts")
        .RequireAuthorization(Policies.Admin);
}
