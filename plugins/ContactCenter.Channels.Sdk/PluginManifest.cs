using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Sdk;

/// <summary>
/// A plugin's <c>plugin.json</c>: who it is, which contract it was built for, what it can do and which
/// settings a channel account of it needs. The host renders the settings form from <see cref="Settings"/>,
/// so a plugin ships no UI code.
/// </summary>
public sealed partial record PluginManifest
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Stable identifier, lower-case letters, digits and dashes (e.g. <c>whatsapp-cloud</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The name people see (e.g. <c>WhatsApp Business (Cloud API)</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The plugin's own version, e.g. <c>1.0.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The <see cref="ChannelSdk.ContractVersion"/> the plugin was built against.</summary>
    public required int ContractVersion { get; init; }

    /// <summary>File name of the assembly holding the <see cref="IChannelPlugin"/>, beside <c>plugin.json</c>.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>Who publishes the plugin.</summary>
    public string? Publisher { get; init; }

    /// <summary>One or two sentences for the admin's plugin list.</summary>
    public string? Description { get; init; }

    /// <summary>What the channel supports beyond sending and receiving text.</summary>
    public ChannelCapabilities Capabilities { get; init; } = new();

    /// <summary>The settings each channel account of this plugin has, in the order the form shows them.</summary>
    public IReadOnlyList<SettingDefinition> Settings { get; init; } = [];

    /// <summary>Reads and checks a manifest.</summary>
    /// <param name="json">The text of a <c>plugin.json</c> file.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The text is not JSON, or a field is missing or invalid.</exception>
    public static PluginManifest Parse(string json)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new PluginManifestException($"{ChannelSdk.ManifestFileName} is not valid: {e.Message}", e);
        }

        if (manifest is null)
        {
            throw new PluginManifestException($"{ChannelSdk.ManifestFileName} is empty (null).");
        }

        var problems = manifest.Validate();
        return problems.Count == 0
            ? manifest
            : throw new PluginManifestException($"{ChannelSdk.ManifestFileName} is not valid: {string.Join(" ", problems)}");
    }

    /// <summary>The problems that make this manifest unusable; empty when it is fine.</summary>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Id) || !IdPattern().IsMatch(Id))
        {
            problems.Add("'id' must be 1-100 lower-case letters, digits or dashes, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("'name' is required.");
        }

        if (string.IsNullOrWhiteSpace(Version))
        {
            problems.Add("'version' is required.");
        }

        if (string.IsNullOrWhiteSpace(EntryAssembly) || !EntryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || EntryAssembly.IndexOfAny(['/', '\\']) >= 0)
        {
            problems.Add("'entryAssembly' must be the file name of a .dll in the plugin folder.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in Settings ?? [])
        {
            if (setting is null || string.IsNullOrEmpty(setting.Key) || !KeyPattern().IsMatch(setting.Key))
            {
                problems.Add("Each setting needs a 'key' of letters, digits or '_', starting with a letter (e.g. 'accessToken').");
            }
            else if (!keys.Add(setting.Key))
            {
                problems.Add($"The setting '{setting.Key}' is declared twice.");
            }
            else if (!Enum.IsDefined(setting.Type))
            {
                problems.Add($"The setting '{setting.Key}' has an unknown type.");
            }
        }

        return problems;
    }

    /// <summary>The setting with this key, or null.</summary>
    /// <param name="key">The setting's key (case-sensitive).</param>
    /// <returns>Its definition, or null when the manifest declares no such setting.</returns>
    public SettingDefinition? FindSetting(string key) => Settings.FirstOrDefault(s => s.Key == key);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$")]
    private static partial Regex KeyPattern();
}

/// <summary>A <c>plugin.json</c> that cannot be used; the message says what is wrong.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the manifest.</param>
    public PluginManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong with the manifest.</param>
    /// <param name="innerException">The parser's error.</param>
    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public PluginManifestException()
        : base($"{ChannelSdk.ManifestFileName} is not valid.")
    {
    }
}
