using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SamplePlugin;
using SamplePlugin.Servers;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>Registers the sample plugin, in code (<c>.AddSample()</c>) or through <see cref="SamplePluginEntryPoint"/>.</summary>
public static class SampleSynchronizerBuilderExtensions
{
    /// <summary>Adds the sample plugin with options from the <c>[sample]</c> section.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <returns>The same builder.</returns>
    public static ISynchronizerBuilder AddSample(this ISynchronizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSample(builder.Configuration.GetSection(SampleOptions.SectionName));
    }

    /// <summary>Adds the sample plugin with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="section">The configuration section holding <see cref="SampleOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static ISynchronizerBuilder AddSample(this ISynchronizerBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddSample(options => section.Bind(options));
    }

    /// <summary>Adds the sample plugin, configuring <see cref="SampleOptions"/> in code.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    public static ISynchronizerBuilder AddSample(this ISynchronizerBuilder builder, Action<SampleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SampleOptions>()
            .Configure(configure)
            .Validate(o => o.PageSize is > 0 and <= 10000, "[sample] page_size must be between 1 and 10000.")
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEntityPoller, ServerNamePoller>());
        return builder;
    }
}
