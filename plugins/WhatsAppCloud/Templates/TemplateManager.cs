using System.Net;
using System.Text.Json.Nodes;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Graph;
using ContactCenter.Plugins.WhatsAppCloud.Parsing;

namespace ContactCenter.Plugins.WhatsAppCloud.Templates;

/// <summary>Submits templates for review and reads them back (reference §11), on the account's WABA.</summary>
internal sealed class TemplateManager(GraphClient graph)
{
    private const int PageSize = 100;

    /// <summary>A loop guard: 6,000 templates per WABA is the documented maximum (§10), 60 pages of 100.</summary>
    private const int MaxPages = 100;

    public async Task<TemplateSubmitResult> SubmitAsync(TemplateDefinition template, CancellationToken cancellationToken)
    {
        if (graph.Settings.WabaId is not { } wabaId)
        {
            return new TemplateSubmitResult(false, null, TemplateStatus.Other, "The channel account has no WhatsApp Business Account ID.");
        }

        var response = await graph.PostJsonAsync(graph.Settings.Api(wabaId, "message_templates"), TemplateRequests.Create(template), cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // Refused by Meta's validation (2388xxx codes) is a rejection; not reaching Meta leaves the status unknown.
            var status = response.TransportError is null && response.StatusCode < 500 ? TemplateStatus.Rejected : TemplateStatus.Other;
            return new TemplateSubmitResult(false, null, status, GraphError.Describe(response));
        }

        var json = response.Json();
        return json?["id"]?.ToString() is { Length: > 0 } id
            ? new TemplateSubmitResult(true, id, TemplateEventParser.Map(json["status"]?.ToString() ?? "PENDING"))
            : new TemplateSubmitResult(false, null, TemplateStatus.Other, "Meta answered without a template id.");
    }

    /// <summary>
    /// Pages with the <c>after</c> cursor against the configured base URL rather than following <c>paging.next</c>,
    /// so the access token only ever goes to the configured host.
    /// </summary>
    public async Task<IReadOnlyList<TemplateState>> SyncAsync(CancellationToken cancellationToken)
    {
        var wabaId = graph.Settings.WabaId ?? throw new InvalidOperationException("The channel account has no WhatsApp Business Account ID.");
        var templates = new List<TemplateState>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = $"?fields=id,name,language,status,rejected_reason&limit={PageSize}" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after));
            var response = await graph.GetAsync(new Uri(graph.Settings.Api(wabaId, "message_templates") + query), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new HttpRequestException($"Reading the templates failed: {GraphError.Describe(response)}", null,
                    response.StatusCode == 0 ? null : (HttpStatusCode)response.StatusCode);
            }

            var json = response.Json();
            foreach (var item in json?["data"] as JsonArray ?? [])
            {
                if (item?["id"]?.ToString() is { Length: > 0 } id)
                {
                    var reason = item["rejected_reason"]?.ToString();
                    templates.Add(new TemplateState(id, item["name"]?.ToString() ?? string.Empty, item["language"]?.ToString() ?? string.Empty,
                        TemplateEventParser.Map(item["status"]?.ToString()), reason is null or "NONE" ? null : reason));
                }
            }

            after = json?["paging"]?["cursors"]?["after"]?.ToString();
            if (json?["paging"]?["next"] is null || string.IsNullOrEmpty(after))
            {
                break;
            }
        }

        return templates;
    }
}
