using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>
/// A <c>messages</c>-field change (reference §4): <c>contacts[]</c> + <c>messages[]</c>, <c>statuses[]</c>, and
/// value-level <c>errors[]</c>, in any combination (BSUID-era statuses come with contacts[] too).
/// </summary>
internal static class MessagesChangeParser
{
    public static void Read(JsonElement value, string path, DateTimeOffset? entryTime, ParseContext context)
    {
        var before = context.Events.Count;
        var contacts = new ContactDirectory(value);

        var index = 0;
        foreach (var message in value.Arr("messages"))
        {
            MessageParser.Read(message, $"{path}.messages[{index++}]", contacts, context);
        }

        index = 0;
        foreach (var status in value.Arr("statuses"))
        {
            StatusParser.Read(status, $"{path}.statuses[{index++}]", context);
        }

        index = 0;
        foreach (var error in value.Arr("errors"))
        {
            var errorPath = $"{path}.errors[{index++}]";
            var (code, text) = WebhookErrors.Describe(error);
            context.Add(new ProviderErrorReported("error:" + context.BodyKey(errorPath), entryTime ?? context.Now, code, text));
        }

        if (context.Events.Count == before)
        {
            context.Unreadable(path, "The messages change has no messages[], statuses[] or errors[].");
        }
    }
}

/// <summary>Meta's error objects (reference §4, §5): <c>code</c>, <c>title</c>, <c>message</c>, <c>error_data.details</c>.</summary>
internal static class WebhookErrors
{
    public static (string? Code, string Text) Describe(JsonElement error)
    {
        var code = error.NonEmpty("code");
        var title = error.NonEmpty("title") ?? error.NonEmpty("message");
        var details = error.Obj("error_data")?.NonEmpty("details") ?? error.NonEmpty("details");
        var text = (title, details) switch
        {
            (null, null) => "The provider reported an error without a description.",
            ({ } t, null) => t,
            (null, { } d) => d,
            ({ } t, { } d) when d == t => t,
            ({ } t, { } d) => $"{t}: {d}",
        };
        return (code, text);
    }

    public static (string? Code, string? Text) First(JsonElement owner)
    {
        foreach (var error in owner.Arr("errors"))
        {
            return Describe(error);
        }

        return (null, null);
    }
}

/// <summary>
/// The <c>contacts[]</c> of a change: the profile name and ids of the people whose messages it carries,
/// matched by <c>wa_id</c> (or by <c>user_id</c> when Meta withholds the phone, reference §4.3).
/// </summary>
internal sealed class ContactDirectory
{
    private readonly List<JsonElement> _contacts;

    public ContactDirectory(JsonElement value) => _contacts = value.Arr("contacts").ToList();

    public JsonElement? Find(string? from, string? fromUserId)
    {
        foreach (var contact in _contacts)
        {
            if ((from is not null && contact.NonEmpty("wa_id") == from) || (fromUserId is not null && contact.NonEmpty("user_id") == fromUserId))
            {
                return contact;
            }
        }

        // A single contact belongs to the message even when the ids are spelled differently (Meta's samples
        // put different placeholders in from and wa_id).
        return _contacts.Count == 1 ? _contacts[0] : null;
    }
}
