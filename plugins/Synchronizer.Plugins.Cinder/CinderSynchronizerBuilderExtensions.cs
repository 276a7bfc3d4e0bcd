using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Cinder.Volumes;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>Registers the Cinder plugin: <c>services.AddSynchronizer(configuration).AddCinder()</c>.</summary>
public static class CinderSynchronizerBuilderExtensions
{
    /// <summary>Adds the Cinder plugin with options from the <c>[cinder]</c> section.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISynchronizerBuilder AddCinder(this ISynchronizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCinder(builder.Configuration.GetSection(CinderOptions.SectionName));
    }

    /// <summary>Adds the Cinder plugin with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="section">The configuration section holding <see cref="CinderOptions"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddCinder(this ISynchronizerBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddCinder(options => section.Bind(options));
    }

    /// <summary>Adds the Cinder plugin, configuring <see cref="CinderOptions"/> in code.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ISynchronizerBuilder AddCinder(this ISynchronizerBuilder builder, Action<CinderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<CinderOptions>()
            .Configure(configure)
            .Validate(o => o.PageSize is > 0 and <= CinderDefaults.MaxPageSize, $"[cinder] page_size must be between 1 and {CinderDefaults.MaxPageSize}.")
            .Validate(o => IsVolumeMicroversion(o.Microversion), "[cinder] microversion must look like 3.59 (the volume API is version 3).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<BlockStorageEndpoint>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, VolumePoller>());
        return builder;
    }

    private static bool IsVolumeMicroversion(string? value) =>
        Version.TryParse(value, out var version) && version is { Major: 3, Build: -1 };
}
