using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Synchronizer.Core.Polling;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;

namespace Synchronizer.FunctionalTests.Plugins;

/// <summary>How <c>synchronizer serve</c> wires plugins: the built-in ones always, a plugin directory when configured.</summary>
public sealed class PluginDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("synchronizer-plugins-");

    [Fact]
    public void Build_NoPluginDirectory_RegistersTheBuiltInTypesOfTheContract()
    {
        using var host = Build(null);

        var types = host.Services.GetServices<IEntityPoller>().Select(p => p.Descriptor.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["cinder.volume", "heat.stack", "nova.host", "nova.instance", "nova.zone"], types);
    }

    [Fact]
    public void Build_EmptyPluginDirectory_AddsNothing()
    {
        using var host = Build(_directory.FullName);

        Assert.Equal(5, host.Services.GetServices<IEntityPoller>().Count());
    }

    [Fact]
    public void Build_MissingPluginDirectory_ThrowsNamingTheKey()
    {
        var missing = Path.Combine(_directory.FullName, "absent");

        var error = Assert.Throws<InvalidOperationException>(() => Build(missing));

        Assert.Contains("[plugins] directory", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PluginFolderWithoutItsAssembly_ThrowsNamingTheFolder()
    {
        _directory.CreateSubdirectory("Acme.Neutron");

        var error = Assert.Throws<InvalidOperationException>(() => Build(_directory.FullName));

        Assert.Contains("Acme.Neutron.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AssemblyWithoutEntryPoint_ThrowsNamingThePlugin()
    {
        var assembly = typeof(SynchronizationEngine).Assembly;
        var name = assembly.GetName().Name!;
        File.Copy(assembly.Location, Path.Combine(_directory.CreateSubdirectory(name).FullName, name + ".dll"));

        var error = Assert.Throws<InvalidOperationException>(() => Build(_directory.FullName));

        Assert.Contains($"Plugin '{name}' has no public class implementing ISynchronizerPlugin", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static IHost Build(string? pluginDirectory)
    {
        var settings = new Dictionary<string, string?> { ["DEFAULT:transport_url"] = "rabbit://guest:guest@127.0.0.1:1/" };
        if (pluginDirectory is not null)
        {
            settings["plugins:directory"] = pluginDirectory;
        }

        return SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
