using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// Coexistence echoes (<c>smb_message_echoes</c>): messages the business sent from the WhatsApp Business app
/// on the same number, in <c>value.message_echoes[]</c> with <c>from</c> = the business and <c>to</c> = the contact.
/// They do not open or extend the customer-service window (reference §8).
/// </summary>
internal static class EchoParser
{
    public static void Read(JsonElement value, string path, ParseContext context)
    {
        var index = 0;
        var any = false;
        foreach (var echo in value.Arr("message_echoes"))
        {
            any = true;
            ReadEcho(echo, $"{path}.message_echoes[{index++}]", context);
        }

        if (!any)
        {
            context.Unreadable(path, "The echo change has no message_echoes[].");
        }
    }

    private static void ReadEcho(JsonElement echo, string path, ParseContext context)
    {
        if (echo.NonEmpty("id") is not { } id)
        {
            context.Unreadable(path, "The echoed message has no id.");
            return;
        }

        var (phone, userId) = Identity.Resolve(echo.NonEmpty("to"), null, echo.NonEmpty("to_user_id"));
        if (phone is null && userId is null)
        {
            context.Unreadable(path, $"The echoed message {id} names no recipient.", id);
            return;
        }

        if (!ContentParser.TryRead(echo, out var content, out var problem))
        {
            context.Unreadable(path, $"The echoed message {id} could not be read: {problem}", id);
            return;
        }

        context.Add(new MessageEchoed(id, echo.UnixTime("timestamp") ?? context.Now, id, new Recipient(phone, userId), content));
    }
}
