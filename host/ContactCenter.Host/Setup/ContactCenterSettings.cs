using ContactCenter.Kernel.Startup;

namespace ContactCenter.Host.Setup;

/// <summary>Which database the host talks to; the configuration key <c>Database:Provider</c>.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Start-up settings read once from configuration (environment variables use <c>__</c>).</summary>
internal sealed record ContactCenterSettings(
    string DataDirectory,
    string PluginsDirectory,
    DatabaseProvider Provider,
    string ConnectionString,
    bool DatabaseIsNew,
    bool ApplyMigrations,
    bool SeedDemoData,
    string? BootstrapAdminApiKey);

internal static class ContactCenterSettingsSetup
{
    public static ContactCenterSettings AddContactCenterSettings(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataDirectory = Path.GetFullPath(config["ContactCenter:DataDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(Directory.GetCurrentDirectory(), "data"));
        Directory.CreateDirectory(dataDirectory);

        var providerText = config["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not supported; use Sqlite, Postgres or SqlServer.");
        }

        var connectionString = config.GetConnectionString("Default");
        var databaseIsNew = false;
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var file = Path.Combine(dataDirectory, "contactcenter.db");
            databaseIsNew = !File.Exists(file);
            connectionString = $"Data Source={file};Foreign Keys=True";
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Default is required when Database:Provider is {provider}.");
        }

        var settings = new ContactCenterSettings(
            dataDirectory,
            Path.GetFullPath(config["ContactCenter:PluginsDirectory"] is { Length: > 0 } plugins
                ? plugins
                : Path.Combine(AppContext.BaseDirectory, "plugins")),
            provider,
            connectionString,
            databaseIsNew,
            config.GetValue("ContactCenter:ApplyMigrations", true),
            config.GetValue("ContactCenter:SeedDemoData", provider == DatabaseProvider.Sqlite && databaseIsNew),
            config["ContactCenter:Bootstrap:AdminApiKey"] is { Length: > 0 } key ? key : null);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new DataFolder(dataDirectory));
        return settings;
    }
}
