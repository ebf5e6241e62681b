using System.Text.Json;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Parsing;

/// <summary>Location, contact cards, catalog orders and reactions (reference §4.2).</summary>
internal static class RichContentParser
{
    public static LocationContent? Location(JsonElement message) =>
        message.Obj("location") is { } location && location.Double("latitude") is { } latitude && location.Double("longitude") is { } longitude
            ? new LocationContent(latitude, longitude, location.NonEmpty("name"), location.NonEmpty("address"), location.NonEmpty("url"))
            : null;

    public static ContactsContent? Contacts(JsonElement message)
    {
        if (message.Prop("contacts") is not { ValueKind: JsonValueKind.Array } cards)
        {
            return null;
        }

        var contacts = cards.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(card =>
        {
            var name = card.Obj("name");
            var formatted = name?.NonEmpty("formatted_name")
                ?? string.Join(' ', new[] { name?.NonEmpty("first_name"), name?.NonEmpty("last_name") }.OfType<string>());
            var phones = card.Arr("phones").Select(p => p.NonEmpty("phone") ?? p.NonEmpty("wa_id")).OfType<string>().ToList();
            var emails = card.Arr("emails").Select(e => e.NonEmpty("email")).OfType<string>().ToList();
            return new SharedContact(formatted, phones, emails, card.Obj("org")?.NonEmpty("company"));
        }).ToList();
        return contacts.Count > 0 ? new ContactsContent(contacts) : null;
    }

    public static OrderContent? Order(JsonElement message)
    {
        if (message.Obj("order") is not { } order)
        {
            return null;
        }

        // Meta's own sample has placeholder text in quantity and price: an unreadable quantity is kept as 0 and
        // an unreadable price as null, so the order still reaches an agent who can read the product ids.
        var items = order.Arr("product_items")
            .Where(i => i.NonEmpty("product_retailer_id") is not null)
            .Select(i => new OrderItem(i.NonEmpty("product_retailer_id")!, i.Int("quantity") ?? 0, i.Decimal("item_price"), i.NonEmpty("currency")))
            .ToList();
        return new OrderContent(order.NonEmpty("catalog_id"), order.Str("text"), items);
    }

    /// <summary>
    /// A removed reaction has no emoji (docs) or an empty one (samples). Meta's Postman sample spells the
    /// target "messsage_id" (three s), so that spelling is accepted too.
    /// </summary>
    public static ReactionContent? Reaction(JsonElement message) =>
        message.Obj("reaction") is { } reaction && (reaction.NonEmpty("message_id") ?? reaction.NonEmpty("messsage_id")) is { } target
            ? new ReactionContent(target, reaction.NonEmpty("emoji"))
            : null;
}
