namespace ContactCenter.Channels.Sdk;

/// <summary>What a channel supports; each flag tells the host which features to offer for it.</summary>
public sealed record ChannelCapabilities
{
    /// <summary>Pre-approved message templates (the plugin implements <see cref="ISupportsTemplates"/>).</summary>
    public bool Templates { get; init; }

    /// <summary>Images, audio, video and documents (the plugin implements <see cref="ISupportsMedia"/>).</summary>
    public bool Media { get; init; }

    /// <summary>Reports messages the business sent from another app (<see cref="MessageEchoed"/>).</summary>
    public bool Echoes { get; init; }

    /// <summary>Delivers read receipts and accepts <see cref="MarkAsRead"/>.</summary>
    public bool ReadReceipts { get; init; }

    /// <summary>Can provide the contact's profile photo.</summary>
    public bool ProfilePhoto { get; init; }

    /// <summary>
    /// Free-form messages are allowed only within a window after the contact's last message (WhatsApp's
    /// 24 hours); outside it only templates go out.
    /// </summary>
    public bool SessionWindow { get; init; }
}

/// <summary>One setting of a channel account, as declared in the manifest.</summary>
public sealed record SettingDefinition
{
    /// <summary>The key the plugin reads from <see cref="ChannelAccountContext.Settings"/> (e.g. <c>accessToken</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The form label; the key when omitted.</summary>
    public string? Label { get; init; }

    /// <summary>How the value is entered, checked and stored.</summary>
    public SettingType Type { get; init; } = SettingType.String;

    /// <summary>A channel account cannot be saved without it.</summary>
    public bool Required { get; init; }

    /// <summary>Help text shown under the field.</summary>
    public string? Description { get; init; }

    /// <summary>The value the plugin receives when the account leaves the setting empty.</summary>
    public string? Default { get; init; }
}

/// <summary>The kinds of setting values.</summary>
public enum SettingType
{
    /// <summary>Free text.</summary>
    String,

    /// <summary>Text that is encrypted at rest and never shown again (tokens, passwords).</summary>
    Secret,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A number, written with a dot for decimals.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
