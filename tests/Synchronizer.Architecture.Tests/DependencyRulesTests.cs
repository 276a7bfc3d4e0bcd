using System.Reflection;
using Synchronizer.Core.Polling;
using Synchronizer.Messaging;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Architecture.Tests;

/// <summary>
/// The dependency rules of STYLE.md. If one fails, change the design, not the test.
/// </summary>
public class DependencyRulesTests
{
    private static readonly Assembly Abstractions = typeof(IEntityPoller).Assembly;
    private static readonly Assembly OpenStack = typeof(IOpenStackClient).Assembly;
    private static readonly Assembly Core = typeof(TypeSynchronizer).Assembly;
    private static readonly Assembly Messaging = typeof(MessagingOptions).Assembly;
    private static readonly Assembly Service = Assembly.Load("synchronizer");
    private static readonly Assembly Simulator = typeof(SimulatorServer).Assembly;
    private static readonly Assembly Testing = typeof(EntityPollerContractTests).Assembly;
    private static readonly Assembly[] Plugins = PluginAssemblies.All;

    [Fact]
    public void Core_NeverReferencesRabbitQuartzHttpOrOtherLayers()
    {
        AssertNoReference(Core, "RabbitMQ.Client", "Quartz", "System.Net.Http", "Microsoft.AspNetCore", "Synchronizer.OpenStack", "Synchronizer.Messaging", "synchronizer");
    }

    [Fact]
    public void Messaging_NeverReferencesOpenStack()
    {
        AssertNoReference(Messaging, ["Synchronizer.OpenStack", "Quartz", "synchronizer", .. PluginAssemblies.All.Select(a => a.GetName().Name!)]);
    }

    [Fact]
    public void Plugins_ReferenceOnlyAbstractionsAndOpenStack()
    {
        foreach (var plugin in Plugins)
        {
            var ours = SynchronizerReferences(plugin);
            Assert.Subset(new HashSet<string> { "Synchronizer.Plugins.Abstractions", "Synchronizer.OpenStack" }, ours);
        }
    }

    [Fact]
    public void TestKit_ReferencesOnlyAbstractionsAndOpenStack()
    {
        Assert.Subset(new HashSet<string> { "Synchronizer.Plugins.Abstractions", "Synchronizer.OpenStack" }, SynchronizerReferences(Testing));
    }

    [Fact]
    public void Abstractions_AndOpenStack_ReferenceNoOtherProject()
    {
        Assert.Empty(SynchronizerReferences(Abstractions));
        Assert.Empty(SynchronizerReferences(OpenStack));
    }

    [Fact]
    public void Simulator_SharesNoCodeWithTheSynchronizer()
    {
        Assert.Empty(SynchronizerReferences(Simulator));
    }

    [Fact]
    public void NothingReferencesTheService()
    {
        foreach (var assembly in new[] { Abstractions, OpenStack, Core, Messaging, Simulator, Testing }.Concat(Plugins))
        {
            AssertNoReference(assembly, "synchronizer");
        }
    }

    [Fact]
    public void Plugins_ExposeOnlyOptionsConstantsAndRegistration()
    {
        foreach (var plugin in Plugins)
        {
            var exported = plugin.GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal);
            Assert.All(exported, name => Assert.True(
                name.EndsWith("Options", StringComparison.Ordinal) || name.EndsWith("EntityTypes", StringComparison.Ordinal) || name.EndsWith("SynchronizerBuilderExtensions", StringComparison.Ordinal),
                $"{plugin.GetName().Name} exports {name}; pollers and helpers are internal sealed."));
        }
    }

    [Fact]
    public void Service_IsTheExecutable()
    {
        Assert.NotNull(Service.EntryPoint);
    }

    private static HashSet<string> SynchronizerReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Synchronizer.", StringComparison.Ordinal) || n == "synchronizer")
            .ToHashSet(StringComparer.Ordinal);

    private static void AssertNoReference(Assembly assembly, params string[] forbiddenPrefixes)
    {
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        foreach (var forbidden in forbiddenPrefixes)
        {
            var hits = references.Where(r => r == forbidden || r.StartsWith(forbidden + ".", StringComparison.Ordinal)).ToArray();
            Assert.True(hits.Length == 0, $"{assembly.GetName().Name} must not reference {string.Join(", ", hits)}.");
        }
    }
}
