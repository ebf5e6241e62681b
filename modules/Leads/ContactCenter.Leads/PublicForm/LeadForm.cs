using System.Globalization;
using ContactCenter.Kernel.Data;
using ContactCenter.Kernel.Errors;
using ContactCenter.Leads.Contracts;
using ContactCenter.Leads.Intake;
using ContactCenter.Leads.Ui;
using ContactCenter.Queues.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Leads.PublicForm;

/// <summary>
/// The public lead form of a product, <c>/f/{productSlug}</c>: no login, a plain HTML form (works without script),
/// rate-limited per client address, with a hidden "website" field only robots fill (they get a success page and
/// nothing is stored). A visitor never sees an internal refusal: a contact of another team keeps its team.
/// </summary>
internal static class LeadForm
{
    public const string Honeypot = "website";

    internal sealed record Input(string? Name, string? Email, string? Phone, string? Cpf, string? Website);

    /// <summary>What the page shows: the form (with errors), the success page, or one of the refusals.</summary>
    internal sealed record Outcome(int Status, ProductDto? Product, Error? Error = null, LeadCreatedDto? Lead = null, string? FakeCode = null);

    internal sealed class Handler(IQueuesApi queues, LeadIntake intake, ContactCenterDbContext db, FormRateLimiter limiter)
    {
        public async Task<Outcome> OpenAsync(string slug, CancellationToken cancellationToken) =>
            await ActiveProductAsync(slug, cancellationToken) is { } product ? new Outcome(200, product) : new Outcome(404, null);

        public async Task<Outcome> SubmitAsync(string slug, Input input, string client, CancellationToken cancellationToken)
        {
            if (!limiter.TryAcquire(client))
            {
                return new Outcome(429, null);
            }

            if (await ActiveProductAsync(slug, cancellationToken) is not { } product)
            {
                return new Outcome(404, null);
            }

            if (!string.IsNullOrEmpty(input.Website))
            {
                return new Outcome(200, product, FakeCode: LeadCodes.New());
            }

            var result = await intake.TakeAsync(
                new LeadInput(product.Id, null, input.Name, input.Email, input.Phone, input.Cpf),
                LeadSources.Form,
                keepTeamOnConflict: true,
                given: null,
                byWhom: null,
                cancellationToken);
            if (!result.IsSuccess)
            {
                return new Outcome(400, product, result.Error);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(200, product, Lead: result.Value);
        }

        private async Task<ProductDto?> ActiveProductAsync(string slug, CancellationToken cancellationToken) =>
            await queues.FindProductBySlugAsync(slug, cancellationToken) is { IsActive: true } product ? product : null;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/f/{productSlug}", async (string productSlug, Handler handler, HttpContext http, CancellationToken ct) =>
                await RenderAsync(http, await handler.OpenAsync(productSlug, ct), new Input(null, null, null, null, null)))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // A plain form post from a visitor with no session: there is no login to forge, so no antiforgery token.
        app.MapPost("/f/{productSlug}", async (string productSlug, Handler handler, HttpContext http, CancellationToken ct) =>
            {
                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
                var input = new Input(form?["name"], form?["email"], form?["phone"], form?["cpf"], form?[Honeypot]);
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return await RenderAsync(http, await handler.SubmitAsync(productSlug, input, client, ct), input);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Outcome outcome, Input input)
    {
        // pt-BR unless the visitor's link asks for English (?lang=en) or they chose it in the app before.
        var culture = http.Request.Query["lang"] == "en" ? new CultureInfo("en") : CultureInfo.CurrentUICulture;
        var services = http.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentUICulture = culture;
            var parameters = new Dictionary<string, object?>
            {
                [nameof(LeadFormPage.Status)] = outcome.Status,
                [nameof(LeadFormPage.Product)] = outcome.Product,
                [nameof(LeadFormPage.Error)] = outcome.Error,
                [nameof(LeadFormPage.Lead)] = outcome.Lead,
                [nameof(LeadFormPage.FakeCode)] = outcome.FakeCode,
                [nameof(LeadFormPage.Values)] = new Dictionary<string, string?>
                {
                    ["name"] = input.Name,
                    ["email"] = input.Email,
                    ["phone"] = input.Phone,
                    ["cpf"] = input.Cpf,
                },
                [nameof(LeadFormPage.Action)] = http.Request.Path.Value + http.Request.QueryString.Value,
            };
            var output = await renderer.RenderComponentAsync<LeadFormPage>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return Results.Content("<!DOCTYPE html>\n" + html, "text/html; charset=utf-8", statusCode: outcome.Status);
    }
}
