using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Plugins.Nova;
using Synchronizer.Plugins.Nova.Hosts;
using Synchronizer.Plugins.Nova.Instances;
using Synchronizer.Plugins.Nova.Zones;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>Registers the Nova plugin (<c>nova.instance</c>, <c>nova.host</c>, <c>nova.zone</c>): <c>services.AddSynchronizer(configuration).AddNova()</c>.</summary>
public static class NovaSynchronizerBuilderExtensions
{
    /// <summary>Adds the Nova plugin with options from the <c>[nova]</c> section.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISynchronizerBuilder AddNova(this ISynchronizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddNova(builder.Configuration.GetSection(NovaOptions.SectionName));
    }

    /// <summary>Adds the Nova plugin with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="section">The configuration section holding <see cref="NovaOptions"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddNova(this ISynchronizerBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddNova(options => section.Bind(options));
    }

    /// <summary>Adds the Nova plugin, configuring <see cref="NovaOptions"/> in code.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddNova(this ISynchronizerBuilder builder, Action<NovaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<NovaOptions>()
            .Configure(configure)
            .Validate(o => o.PageSize is > 0 and <= NovaDefaults.MaxPageSize, $"[nova] page_size must be between 1 and {NovaDefaults.MaxPageSize}.")
            .Validate(o => IsComputeMicroversion(o.Microversion), "[nova] microversion must look like 2.79 (the compute API is version 2).")
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, InstancePoller>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, HostPoller>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, ZonePoller>());
        return builder;
    }

    private static bool IsComputeMicroversion(string? value) =>
        Version.TryParse(value, out var version) && version is { Major: 2, Build: -1 };
}
