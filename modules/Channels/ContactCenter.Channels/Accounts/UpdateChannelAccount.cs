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

internal static class UpdateChannelAccount
{
    /// <summary>
    /// Replaces the name and settings. A secret left out, or sent as the mask, keeps its stored value; sent
    /// as an empty string, it is cleared. The plugin of an account cannot change.
    /// </summary>
    internal sealed record Request(string? PluginId, string? Name, Dictionary<string, JsonElement>? Settings);

    internal sealed class Handler(
        ContactCenterDbContext db,
        IChannelPluginCatalog catalog,
        ChannelSecrets secrets,
        TimeProvider clock,
        IDomainEvents events,
        IAuditLog audit)
    {
        public async Task<Result<ChannelAccountView>> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
        {
            var account = await db.Set<ChannelAccount>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (account is null)
            {
                return Error.NotFound("The channel account");
            }

            var validator = new Validator();
            AccountRules.CheckName(validator, request.Name);
            validator.Check(
                string.IsNullOrWhiteSpace(request.PluginId) || request.PluginId.Trim() == account.PluginId,
                "pluginId",
                "The plugin of an account cannot change; add a new account instead.");
            var plugin = AccountRules.FindUsablePlugin(catalog, account.PluginId);
            if (!plugin.IsSuccess)
            {
                return plugin.Error;
            }

            var stored = secrets.Unprotect(account.Id, account.ProtectedSecrets);
            var settings = SettingsRules.Apply(validator, plugin.Value, request.Settings, stored);
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var name = request.Name!.Trim();
            if (await db.Set<ChannelAccount>().AnyAsync(a => a.Name == name && a.Id != id, cancellationToken))
            {
                return Error.Conflict("channel_account_name_taken", $"There is already a channel account named '{name}'.");
            }

            var before = ChannelAccountAudit.Snapshot(account, ChannelAccountView.ReadPlain(account), stored);
            account.Name = name;
            account.SettingsJson = JsonSerializer.Serialize(settings.Plain);
            account.ProtectedSecrets = secrets.Protect(settings.Secrets);
            account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            events.Raise(new ChannelAccountUpdated(account.Id));
            audit.Record("channelAccount.updated", ChannelAccountAudit.Target(account), before, ChannelAccountAudit.Snapshot(account, settings.Plain, settings.Secrets));
            await db.SaveChangesAsync(cancellationToken);
            return ChannelAccountView.From(account, catalog, secrets);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/channel-accounts/{id:guid}", async Task<Results<Ok<ChannelAccountView>, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateChannelAccount")
        .WithSummary("Change a channel account")
        .WithDescription("Replaces name and settings, checked against the plugin's schema. Secrets are never returned: " +
            "a secret left out or sent as \"********\" (as GET shows it) keeps its stored value; \"\" clears it.")
        .WithTags("Channel accounts")
        .RequireAuthorization(Policies.Admin);
}
