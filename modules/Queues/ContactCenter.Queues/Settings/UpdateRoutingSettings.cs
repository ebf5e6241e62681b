using ContactCenter.Kernel.Audit;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using ContactCenter.Kernel.Identity;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Queues.Settings;

internal static class UpdateRoutingSettings
{
    /// <summary>All four values, every time (a PUT replaces the settings).</summary>
    internal sealed record Request(
        int? BacklogRoundSeconds,
        int? FirstResponseTimeoutSeconds,
        int? UnansweredLeadMinutes,
        int? AwayAfterDisconnectSeconds);

    /// <summary>The allowed ranges; the page uses them for its inputs too.</summary>
    internal static class Limits
    {
        public const int MinBacklogRoundSeconds = 5;
        public const int MaxBacklogRoundSeconds = 3600;
        public const int MinFirstResponseTimeoutSeconds = 30;
        public const int MaxFirstResponseTimeoutSeconds = 86400;
        public const int MinUnansweredLeadMinutes = 1;
        public const int MaxUnansweredLeadMinutes = 1440;
        public const int MinAwayAfterDisconnectSeconds = 10;
        public const int MaxAwayAfterDisconnectSeconds = 86400;
    }

    internal sealed class Handler(ContactCenterDbContext db, TimeProvider clock, ICurrentUser caller, ILogger<Handler> logger, IAuditLog audit)
    {
        public async Task<Result<RoutingSettingsDto>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            // The messages double as keys of the page's translations.
            var validator = new Validator()
                .Check(
                    request.BacklogRoundSeconds is >= Limits.MinBacklogRoundSeconds and <= Limits.MaxBacklogRoundSeconds,
                    "backlogRoundSeconds",
                    "Backlog rounds run every 5 to 3600 seconds.")
                .Check(
                    request.FirstResponseTimeoutSeconds is >= Limits.MinFirstResponseTimeoutSeconds and <= Limits.MaxFirstResponseTimeoutSeconds,
                    "firstResponseTimeoutSeconds",
                    "The first-response time must be between 30 and 86400 seconds (24 hours).")
                .Check(
                    request.UnansweredLeadMinutes is >= Limits.MinUnansweredLeadMinutes and <= Limits.MaxUnansweredLeadMinutes,
                    "unansweredLeadMinutes",
                    "The wait before a form lead becomes an unanswered-lead task must be between 1 and 1440 minutes (24 hours).")
                .Check(
                    request.AwayAfterDisconnectSeconds is >= Limits.MinAwayAfterDisconnectSeconds and <= Limits.MaxAwayAfterDisconnectSeconds,
                    "awayAfterDisconnectSeconds",
                    "The time before a disconnected agent becomes away must be between 10 and 86400 seconds (24 hours).");
            if (!validator.IsValid)
            {
                return validator.ToError();
            }

            var settings = await db.Set<RoutingSettings>().FirstOrDefaultAsync(s => s.Id == RoutingSettings.SingletonId, cancellationToken);
            if (settings is null)
            {
                settings = new RoutingSettings();
                db.Add(settings);
            }

            var before = Snapshot(settings);
            settings.BacklogRoundSeconds = request.BacklogRoundSeconds!.Value;
            settings.FirstResponseTimeoutSeconds = request.FirstResponseTimeoutSeconds!.Value;
            settings.UnansweredLeadMinutes = request.UnansweredLeadMinutes!.Value;
            settings.AwayAfterDisconnectSeconds = request.AwayAfterDisconnectSeconds!.Value;
            settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("routingSettings.updated", new AuditTarget("routingSettings", "routing", "Distribuição"), before, Snapshot(settings));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Routing settings changed by {UserId}: {Settings}", caller.UserId, settings.ToDto());
            return settings.ToDto();
        }
    }

    private static object Snapshot(RoutingSettings settings) => new
    {
        settings.BacklogRoundSeconds,
        settings.FirstResponseTimeoutSeconds,
        settings.UnansweredLeadMinutes,
        settings.AwayAfterDisconnectSeconds,
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/routing/settings", async Task<Results<Ok<RoutingSettingsDto>, ProblemHttpResult>> (Request request, Handler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, ct)).ToHttp(TypedResults.Ok))
        .WithName("UpdateRoutingSettings")
        .WithSummary("Change the routing settings")
        .WithDescription("All four values: backlogRoundSeconds (5-3600), firstResponseTimeoutSeconds (30-86400), unansweredLeadMinutes (1-1440), awayAfterDisconnectSeconds (10-86400). 400 with field errors when out of range.")
        .WithTags("Routing")
        .RequireAuthorization(Policies.Admin);
}
