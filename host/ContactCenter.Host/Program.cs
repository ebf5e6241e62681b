using ContactCenter.Host;
using ContactCenter.Host.Access;
using ContactCenter.Host.Api;
using ContactCenter.Host.Plugins;
using ContactCenter.Host.Setup;
using ContactCenter.Host.Ui;

// The table of contents of the product: what the host is made of, in the order it is assembled.
var builder = WebApplication.CreateBuilder(WindowsServiceSetup.BuilderOptions(args));
builder.AddWindowsService();
var settings = builder.AddContactCenterSettings();

builder.AddSerilogLogging(settings);
builder.AddModules(Modules.All);
builder.AddPersistence(settings);
builder.AddScheduler(settings);
builder.AddChannelPlugins(settings);
builder.AddAccessControl();
builder.AddRestApi();
builder.AddHealth();
builder.AddProductMetrics();
builder.AddWebUi();

var app = builder.Build();

if (await HostCommands.TryRunAsync(app, args))
{
    return;
}

app.UseContactCenterPipeline();
await app.PrepareDatabaseAsync(settings);
app.MapRestApi(Modules.All);
app.MapHealth();
app.MapMetrics();
app.MapWebUi(Modules.All);
app.MapClockControl();
app.PrintWelcomeOnStart(settings);

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
