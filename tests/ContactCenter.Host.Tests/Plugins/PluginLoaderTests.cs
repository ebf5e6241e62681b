using System.Runtime.Loader;
using System.Security.Cryptography;
using ContactCenter.Channels.Contracts;
using ContactCenter.Channels.Sdk;
using ContactCenter.Host.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Host.Tests.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly PluginFolders _folders = new();
    private readonly PluginLoader _loader = new(NullLogger<PluginLoader>.Instance);

    [Fact]
    public void A_good_plugin_loads_in_its_own_context_and_shares_the_sdk_with_the_host()
    {
        _folders.With("test-good");

        var plugin = Assert.Single(_loader.LoadAll(_folders.Directory, allowList: null));

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.Equal("test-good", plugin.Id);
        Assert.Equal("1.2.3", plugin.Version);
        Assert.Null(plugin.Error);
        Assert.Equal(Sha256Of("test-good", "ContactCenter.TestPlugins.Good.dll"), plugin.Sha256);
        Assert.NotNull(plugin.Plugin);
        Assert.Equal("plugin:test-good", AssemblyLoadContext.GetLoadContext(plugin.Plugin.GetType().Assembly)?.Name);
        var adapter = plugin.Plugin.CreateAdapter(new ChannelAccountContext(
            Guid.NewGuid(), new Dictionary<string, string> { ["token"] = "t" }, new HttpClient(), NullLogger.Instance, TimeProvider.System));
        Assert.True(adapter.VerifySignature(new WebhookRequest("POST", "/", [], [new("x-token", "t")], Array.Empty<byte>())));
    }

    [Fact]
    public void A_malformed_manifest_is_failed_with_the_parser_error()
    {
        _folders.With("malformed-manifest");

        var plugin = Assert.Single(_loader.LoadAll(_folders.Directory, allowList: null));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Equal("malformed-manifest", plugin.Id);
        Assert.StartsWith("plugin.json is not valid", plugin.Error, StringComparison.Ordinal);
        Assert.Null(plugin.Plugin);
    }

    [Fact]
    public void A_plugin_built_for_another_contract_version_is_failed_and_says_which()
    {
        _folders.With("wrong-contract");

        var plugin = Assert.Single(_loader.LoadAll(_folders.Directory, allowList: null));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Equal("test-wrong-contract", plugin.Id);
        Assert.Equal(99, plugin.ContractVersion);
        Assert.Contains("contract version 99", plugin.Error, StringComparison.Ordinal);
        Assert.Contains($"supports version {ChannelSdk.ContractVersion}", plugin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_whose_constructor_throws_is_failed_with_the_exception_message()
    {
        _folders.With("test-throws");

        var plugin = Assert.Single(_loader.LoadAll(_folders.Directory, allowList: null));

        Assert.Equal(PluginStatus.Failed, plugin.Status);
        Assert.Equal("Its constructor threw InvalidOperationException: The licence file is missing.", plugin.Error);
        Assert.NotNull(plugin.Sha256);
    }

    [Fact]
    public void Broken_plugins_do_not_stop_the_good_ones_from_loading()
    {
        _folders.WithShipped().With("test-good").With("test-throws").With("malformed-manifest").With("wrong-contract").With("no-manifest");

        var plugins = _loader.LoadAll(_folders.Directory, allowList: null);

        Assert.Equal(
            ["malformed-manifest", "no-manifest", "sandbox", "test-good", "test-throws", "test-wrong-contract", "whatsapp-cloud"],
            plugins.Select(p => p.Id));
        Assert.Equal(["sandbox", "test-good", "whatsapp-cloud"], plugins.Where(p => p.IsLoaded).Select(p => p.Id));
        Assert.Equal("The folder has no plugin.json.", plugins.Single(p => p.Id == "no-manifest").Error);
    }

    [Fact]
    public void A_second_folder_with_the_same_plugin_id_is_failed()
    {
        _folders.With("test-good", "a-first").With("test-good", "b-second");

        var plugins = _loader.LoadAll(_folders.Directory, allowList: null);

        Assert.Equal(PluginStatus.Loaded, plugins.Single(p => p.Folder.EndsWith("a-first", StringComparison.Ordinal)).Status);
        var second = plugins.Single(p => p.Folder.EndsWith("b-second", StringComparison.Ordinal));
        Assert.Equal(PluginStatus.Failed, second.Status);
        Assert.Contains("already holds the plugin 'test-good'", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_allow_list_only_listed_plugins_with_the_listed_hash_load()
    {
        _folders.WithShipped().With("test-good");
        var allowList = PluginAllowList.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Plugins:Allowed:0:id"] = "test-good",
            ["ContactCenter:Plugins:Allowed:0:sha256"] = Sha256Of("test-good", "ContactCenter.TestPlugins.Good.dll").ToUpperInvariant(),
            ["ContactCenter:Plugins:Allowed:1:id"] = "sandbox",
            ["ContactCenter:Plugins:Allowed:1:sha256"] = new string('0', 64),
        }).Build());

        var plugins = _loader.LoadAll(_folders.Directory, allowList);

        Assert.Equal(PluginStatus.Loaded, plugins.Single(p => p.Id == "test-good").Status);
        var sandbox = plugins.Single(p => p.Id == "sandbox");
        Assert.Equal(PluginStatus.Rejected, sandbox.Status);
        Assert.Contains("is not on ContactCenter:Plugins:Allowed", sandbox.Error, StringComparison.Ordinal);
        Assert.Null(sandbox.Plugin);
        Assert.Equal(PluginStatus.Rejected, plugins.Single(p => p.Id == "whatsapp-cloud").Status);
    }

    [Fact]
    public void Without_an_allow_list_section_there_is_no_allow_list()
    {
        Assert.Null(PluginAllowList.From(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void A_missing_plugins_directory_loads_nothing()
    {
        Assert.Empty(_loader.LoadAll(Path.Combine(_folders.Directory, "absent"), allowList: null));
    }

    public void Dispose() => _folders.Dispose();

    private string Sha256Of(string folder, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_folders.Directory, folder, file))));
}
