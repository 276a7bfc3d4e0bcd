using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Heat.Stacks;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>Registers the Heat plugin: <c>services.AddSynchronizer(configuration).AddHeat()</c>.</summary>
public static class HeatSynchronizerBuilderExtensions
{
    /// <summary>Adds the Heat plugin with options from the <c>[heat]</c> section.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISynchronizerBuilder AddHeat(this ISynchronizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHeat(builder.Configuration.GetSection(HeatOptions.SectionName));
    }

    /// <summary>Adds the Heat plugin with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="section">The configuration section holding <see cref="HeatOptions"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddHeat(this ISynchronizerBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddHeat(options => section.Bind(options));
    }

    /// <summary>Adds the Heat plugin, configuring <see cref="HeatOptions"/> in code.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddHeat(this ISynchronizerBuilder builder, Action<HeatOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<HeatOptions>()
            .Configure(configure)
            .Validate(o => o.PageSize is > 0 and <= HeatDefaults.MaxPageSize, $"[heat] page_size must be between 1 and {HeatDefaults.MaxPageSize}.")
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, StackPoller>());
        return builder;
    }
}
