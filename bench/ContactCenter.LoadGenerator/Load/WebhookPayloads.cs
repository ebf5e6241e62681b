using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.LoadGenerator.Load;

/// <summary>
/// WhatsApp text-message webhooks shaped like Meta's published example (shared/fixtures/whatsapp-cloud/
/// inbound_text__meta.json). Message <c>seq</c> always has the same bytes, so a re-post is a true duplicate
/// delivery (same body, same signature), as when Meta retries.
/// </summary>
internal sealed class WebhookPayloads(string runId, byte[] appSecret, string phoneNumberId, string wabaId, int phones, long unixTime)
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string DisplayPhoneNumber = "15550783881";

    /// <summary>Unique per run and message; letters and digits only, like the body of a real wamid.</summary>
    public string Wamid(long seq) => $"wamid.HBgMBENCH{runId}{seq.ToString("D10", CultureInfo.InvariantCulture)}";

    /// <summary>Brazilian mobiles (55 11 9xxxx-xxxx), spread so conversations are many and busy, not one.</summary>
    public string Phone(long seq) => "55119" + (seq % phones).ToString("D8", CultureInfo.InvariantCulture);

    public byte[] Body(long seq) =>
        Text(Wamid(seq), Phone(seq), $"Cliente {seq % phones}", $"Ol\\u00e1! Mensagem de carga n\\u00ba {seq}: ainda est\\u00e1 dispon\\u00edvel?");

    /// <summary>A text from any phone, with its own wamid (the live and memory phases write as contacts of their own).
    /// <paramref name="text"/> goes into the JSON as it is: letters, digits, spaces and JSON escapes only.</summary>
    public byte[] Text(string wamid, string phone, string name, string text)
    {
        var json = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{wabaId}}}","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"{{{DisplayPhoneNumber}}}","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"{{{name}}}"},"wa_id":"{{{phone}}}"}],"messages":[{"from":"{{{phone}}}","id":"{{{wamid}}}","timestamp":"{{{unixTime}}}","type":"text","text":{"body":"{{{text}}}"}}]},"field":"messages"}]}]}""");
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>A correctly signed webhook the provider's parser cannot read (the same body cut in half, so not JSON):
    /// acknowledged like any other, then set aside by the processor as an inbox failure.</summary>
    public byte[] Unreadable(long seq)
    {
        var body = Body(seq);
        return body[..(body.Length / 2)];
    }

    /// <summary><c>sha256=</c> + lower-case hex HMAC-SHA256 of the raw bytes, keyed with the app secret.</summary>
    public string Sign(ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(appSecret, body));
}
