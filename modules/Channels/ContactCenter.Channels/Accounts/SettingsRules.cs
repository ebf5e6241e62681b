using System.Globalization;
using System.Text.Json;
using ContactCenter.Channels.Sdk;
using ContactCenter.Kernel.Errors;

namespace ContactCenter.Channels.Accounts;

/// <summary>
/// Checks an account's settings against its plugin's manifest and splits them into plain values and
/// secrets. Field errors are keyed <c>settings.&lt;key&gt;</c>.
/// </summary>
internal static class SettingsRules
{
    /// <summary>What responses show instead of a stored secret; sending it back keeps the secret.</summary>
    public const string Mask = "********";

    public const int MaxValueLength = 4000;

    public sealed record Split(Dictionary<string, string> Plain, Dictionary<string, string> Secrets);

    /// <param name="storedSecrets">The account's current secrets (on update): a secret left out or sent as
    /// the mask keeps its value; sent empty, it is cleared.</param>
    public static Split Apply(
        Validator validator,
        PluginManifest manifest,
        IReadOnlyDictionary<string, JsonElement>? incoming,
        IReadOnlyDictionary<string, string>? storedSecrets)
    {
        incoming ??= new Dictionary<string, JsonElement>();
        foreach (var key in incoming.Keys.Where(k => manifest.FindSetting(k) is null))
        {
            validator.Add(Field(key), $"The plugin '{manifest.Id}' has no setting '{key}'.");
        }

        var split = new Split(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var setting in manifest.Settings)
        {
            string? value = null;
            var given = incoming.TryGetValue(setting.Key, out var element);
            if (given && !TryRead(element, out value))
            {
                validator.Add(Field(setting.Key), "Use a text, number or true/false value.");
                continue;
            }

            if (setting.Type == SettingType.Secret && (!given || value == Mask))
            {
                value = storedSecrets?.GetValueOrDefault(setting.Key);
            }

            if (string.IsNullOrEmpty(value))
            {
                validator.Check(!setting.Required, Field(setting.Key), $"{setting.Label ?? setting.Key} is required.");
                continue;
            }

            if (Check(validator, setting, value) is { } normalized)
            {
                (setting.Type == SettingType.Secret ? split.Secrets : split.Plain)[setting.Key] = normalized;
            }
        }

        return split;
    }

    /// <summary>What responses show: plain values as stored, secrets that are set as the mask.</summary>
    public static Dictionary<string, string> ForDisplay(IReadOnlyDictionary<string, string> plain, IEnumerable<string> secretKeys)
    {
        var shown = new Dictionary<string, string>(plain, StringComparer.Ordinal);
        foreach (var key in secretKeys)
        {
            shown[key] = Mask;
        }

        return shown;
    }

    public static string Field(string key) => $"settings.{key}";

    /// <summary>Strings, numbers and booleans become text; null means "no value"; objects and arrays are refused.</summary>
    private static bool TryRead(JsonElement element, out string? text)
    {
        text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Trim(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
    }

    private static string? Check(Validator validator, SettingDefinition setting, string value)
    {
        var field = Field(setting.Key);
        if (value.Length > MaxValueLength)
        {
            validator.Add(field, $"Use at most {MaxValueLength} characters.");
            return null;
        }

        switch (setting.Type)
        {
            case SettingType.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                validator.Add(field, "Enter a number (use a dot for decimals).");
                return null;
            case SettingType.Boolean when !bool.TryParse(value, out _):
                validator.Add(field, "Use true or false.");
                return null;
            case SettingType.Boolean:
                return bool.Parse(value) ? "true" : "false";
            case SettingType.Url when !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"):
                validator.Add(field, "Enter an absolute http:// or https:// address.");
                return null;
            default:
                return value;
        }
    }
}
