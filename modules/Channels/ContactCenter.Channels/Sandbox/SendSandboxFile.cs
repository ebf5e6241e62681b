using ContactCenter.Kernel.Errors;
using ContactCenter.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Channels.Sandbox;

/// <summary>
/// The sandbox phone page's file upload: the browser posts the chosen file as the raw body (the page's live
/// connection never carries file bytes), and <see cref="SandboxPhone.SendFileAsync"/> sends it as the person.
/// The required X-File-Name header keeps a cross-site form from posting here with someone's cookie.
/// </summary>
internal static class SendSandboxFile
{
    public const string PhoneHeader = "X-Phone";
    public const string NameHeader = "X-Name";
    public const string FileNameHeader = "X-File-Name";
    public const string CaptionHeader = "X-Caption";

    internal sealed record Sent(Guid InboxEntryId);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/sandbox/{channelAccountId:guid}/files", (Guid channelAccountId, HttpRequest http, SandboxPhone phone, CancellationToken ct) =>
                SendAsync(channelAccountId, Person(http), http, phone, ct))
            .WithMetadata(new PhoneSizeLimit())
            .WithName("SendSandboxFile")
            .WithSummary("The sandbox phone sends a file as the customer")
            .WithDescription("Body: the file's bytes, Content-Type: its type; headers X-Phone (the customer's number), X-Name, X-File-Name (required) and X-Caption, percent-encoded. " +
                "WhatsApp's type and size limits apply, and the phone sends at most 16 MB. 202 when the webhook was accepted; 404 for an account that is not a sandbox.")
            .WithTags("Sandbox")
            .RequireAuthorization();

        // The public phone of a lead form's link (/s/{token}): no login, and the number and account are the link's,
        // whatever headers the visitor sends.
        api.MapPost("/sandbox/links/{token}/files", async Task<Results<Accepted<Sent>, ProblemHttpResult>> (string token, HttpRequest http, SandboxPhone phone, CancellationToken ct) =>
            {
                var linked = await phone.OpenLinkAsync(token, ct);
                return linked.Value is { } granted
                    ? await SendAsync(granted.Account.Id, new SandboxPhone.Person(granted.Phone, Header(http, NameHeader) ?? granted.Name), http, phone, ct)
                    : linked.Error!.ToProblem();
            })
            .WithMetadata(new PhoneSizeLimit())
            .WithName("SendSandboxLinkFile")
            .WithSummary("The public sandbox phone of a signed link sends a file")
            .WithDescription("As /sandbox/{channelAccountId}/files, for the number and account the link grants (X-Phone is ignored). No login: the link is the credential.")
            .WithTags("Sandbox")
            .AllowAnonymous();
    }

    private static async Task<Results<Accepted<Sent>, ProblemHttpResult>> SendAsync(
        Guid channelAccountId, SandboxPhone.Person person, HttpRequest http, SandboxPhone phone, CancellationToken ct)
    {
        if (Header(http, FileNameHeader) is not { } fileName)
        {
            return Error.Validation("file", $"Name the file (the {FileNameHeader} header).").ToProblem();
        }

        // Past the phone's cap the content is not read at all: the declared size alone refuses it.
        if (http.ContentLength > SandboxPhone.MaxFileBytes && SandboxPhone.Refusal(http.ContentType, fileName, http.ContentLength.Value) is { } refusal)
        {
            return SandboxPhone.Refused(refusal).ToProblem();
        }

        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        var attachment = new SandboxPhone.Attachment(http.ContentType, fileName, buffer.ToArray(), Header(http, CaptionHeader));
        var sent = await phone.SendFileAsync(channelAccountId, person, attachment, ct);
        return sent.IsSuccess ? TypedResults.Accepted((string?)null, new Sent(sent.Value)) : sent.Error.ToProblem();
    }

    private static SandboxPhone.Person Person(HttpRequest http) => new(Header(http, PhoneHeader) ?? string.Empty, Header(http, NameHeader));

    private static string? Header(HttpRequest http, string name) =>
        http.Headers[name].ToString() is { Length: > 0 } value ? Uri.UnescapeDataString(value) : null;

    /// <summary>The phone's cap and a little more: a longer body without a declared length is cut off by the server.</summary>
    private sealed class PhoneSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => SandboxPhone.MaxFileBytes + (1024 * 1024);
    }
}
