using System.Reflection;
using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Architecture.Tests;

/// <summary>
/// The anatomy of a plugin (STYLE.md, "Writing a plugin"): entity type constants, options, three
/// registration overloads in the builder's namespace, internal sealed pollers, a README that lists
/// the types and keys. If one fails, change the plugin, not the test.
/// </summary>
public class PluginConventionsTests
{
    public static IEnumerable<object[]> Plugins => PluginAssemblies.Data;

    [Theory]
    [MemberData(nameof(Plugins))]
    public void EntityTypes_FollowTheRuleAndNameTheService(string service)
    {
        var constants = EntityTypeConstants(service);

        Assert.NotEmpty(constants);
        Assert.All(constants, name =>
        {
            Assert.True(EntityTypeDescriptor.IsValidName(name), $"'{name}' is not <service>.<entity> in lower case.");
            Assert.StartsWith(service.ToLowerInvariant() + ".", name, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Pollers_AreInternalSealedAndFetchById(string service)
    {
        var pollers = PluginAssemblies.Of(service).GetTypes().Where(t => t.IsClass && typeof(IEntityPoller).IsAssignableFrom(t)).ToArray();

        Assert.Equal(EntityTypeConstants(service).Count, pollers.Length);
        Assert.All(pollers, p =>
        {
            Assert.False(p.IsPublic, $"{p.Name} must be internal.");
            Assert.True(p.IsSealed, $"{p.Name} must be sealed.");
            Assert.True(typeof(IEntityFetcher).IsAssignableFrom(p), $"{p.Name} must implement IEntityFetcher for the push path.");
        });
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Options_BindToTheServicesSection(string service)
    {
        var options = PluginAssemblies.Of(service).GetType($"Synchronizer.Plugins.{service}.{service}Options", throwOnError: true)!;

        Assert.Equal(service.ToLowerInvariant(), options.GetField("SectionName")?.GetRawConstantValue());
        Assert.All(options.GetProperties(), p => Assert.NotNull(p.GetCustomAttribute<ConfigurationKeyNameAttribute>()));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Registration_HasThreeOverloadsInTheBuildersNamespace(string service)
    {
        var extensions = PluginAssemblies.Of(service).GetType($"Synchronizer.Plugins.Abstractions.{service}SynchronizerBuilderExtensions", throwOnError: true)!;
        var options = PluginAssemblies.Of(service).GetType($"Synchronizer.Plugins.{service}.{service}Options", throwOnError: true)!;

        var overloads = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "Add" + service)
            .Select(m => string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { "ISynchronizerBuilder", "ISynchronizerBuilder, Action`1", "ISynchronizerBuilder, IConfigurationSection" },
            overloads);
        Assert.NotNull(extensions.GetMethod("Add" + service, [typeof(ISynchronizerBuilder), typeof(Action<>).MakeGenericType(options)]));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Readme_ListsEveryEntityTypeAndConfigKey(string service)
    {
        var readme = Path.Combine(RepositoryRoot(), "plugins", $"Synchronizer.Plugins.{service}", "README.md");
        Assert.True(File.Exists(readme), $"{readme} is missing.");
        var text = File.ReadAllText(readme);
        var options = PluginAssemblies.Of(service).GetType($"Synchronizer.Plugins.{service}.{service}Options", throwOnError: true)!;
        var keys = options.GetProperties().Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name);

        Assert.All(EntityTypeConstants(service), type => Assert.Contains($"`{type}`", text, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.Contains($"`{key}`", text, StringComparison.Ordinal));
    }

    [Fact]
    public void PluginsReadme_NamesHeatAsTheReference()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "plugins", "README.md"));

        Assert.Contains("Synchronizer.Plugins.Heat", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_DoesNotReferenceTheSamplePlugin()
    {
        var references = Assembly.Load("synchronizer").GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("SamplePlugin", references);
    }

    private static List<string> EntityTypeConstants(string service) =>
        PluginAssemblies.Of(service).GetType($"Synchronizer.Plugins.{service}.{service}EntityTypes", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Synchronizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Synchronizer.sln above {AppContext.BaseDirectory}.");
    }
}
