using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactCenter.Channels.Sdk;

namespace ContactCenter.Plugins.WhatsAppCloud.Templates;

/// <summary>
/// The body of <c>POST /{waba-id}/message_templates</c> (reference §11): upper-case component types, an example
/// for every placeholder, <c>parameter_format: named</c> when the body uses <c>{{first_name}}</c> placeholders.
/// </summary>
internal static partial class TemplateRequests
{
    public static JsonObject Create(TemplateDefinition template)
    {
        var named = NamedPlaceholder().Matches(template.Body).Select(m => m.Groups[1].Value).Distinct().ToList();
        var components = new JsonArray();
        if (template.Header is { Length: > 0 } header)
        {
            var component = new JsonObject { ["type"] = "HEADER", ["format"] = "TEXT", ["text"] = header };
            if (template.HeaderExamples.Count > 0)
            {
                component["example"] = new JsonObject { ["header_text"] = Strings(template.HeaderExamples) };
            }

            components.Add(component);
        }

        var body = new JsonObject { ["type"] = "BODY", ["text"] = template.Body };
        if (template.BodyExamples.Count > 0)
        {
            body["example"] = named.Count > 0
                ? new JsonObject
                {
                    ["body_text_named_params"] = new JsonArray(named.Zip(template.BodyExamples, (name, example) =>
                        (JsonNode)new JsonObject { ["param_name"] = name, ["example"] = example }).ToArray()),
                }
                : new JsonObject { ["body_text"] = new JsonArray(Strings(template.BodyExamples)) };
        }

        components.Add(body);
        if (template.Footer is { Length: > 0 } footer)
        {
            components.Add(new JsonObject { ["type"] = "FOOTER", ["text"] = footer });
        }

        if (template.Buttons.Count > 0)
        {
            components.Add(new JsonObject { ["type"] = "BUTTONS", ["buttons"] = new JsonArray(template.Buttons.Select(Button).ToArray()) });
        }

        return new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = template.Language,
            ["category"] = template.Category.ToString().ToUpperInvariant(),
            ["parameter_format"] = named.Count > 0 ? "named" : "positional",
            ["components"] = components,
        };
    }

    private static JsonNode Button(TemplateButton button)
    {
        var json = new JsonObject { ["text"] = button.Text };
        switch (button.Kind)
        {
            case TemplateButtonType.Url:
                json["type"] = "URL";
                json["url"] = button.Value;
                if (button.Example is { } example)
                {
                    json["example"] = Strings([example]);
                }

                break;
            case TemplateButtonType.PhoneNumber:
                json["type"] = "PHONE_NUMBER";
                json["phone_number"] = button.Value;
                break;
            default:
                json["type"] = "QUICK_REPLY";
                break;
        }

        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    /// <summary>Named placeholders are lower-case letters, digits and underscores, starting with a letter (§11).</summary>
    [GeneratedRegex(@"\{\{([a-z][a-z0-9_]*)\}\}")]
    private static partial Regex NamedPlaceholder();
}
