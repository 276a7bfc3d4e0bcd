using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Synchronizer.Core.Polling;
using Synchronizer.Messaging;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Identity;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Scheduling;
using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Hosting;

/// <summary>Registers the synchronizer: OpenStack access, the engine, the bus and the Quartz schedule.</summary>
internal static class SynchronizerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the synchronizer. Configuration is read, in order, from oslo-style INI files
    /// (<c>--config-file</c>, <c>--config-dir</c>), then environment variables
    /// <c>SYNCHRONIZER__&lt;SECTION&gt;__&lt;KEY&gt;</c>, then whatever code sets on the options.
    /// The state store follows <c>[database] connection</c>: a SQLite file when it names one, else memory
    /// (a restart then re-announces every entity); an <c>IChangeStore</c> registered earlier wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The whole configuration.</param>
    /// <returns>A builder to add plugins to: <c>.AddNova()</c>.</returns>
    public static ISynchronizerBuilder AddSynchronizer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOpenStack(configuration.GetSection(ServiceCredentialsOptions.SectionName));
        services.AddOsloMessaging(configuration.GetSection(MessagingOptions.SectionName));
        services.TryAddSingleton<SynchronizationEngine>();

        // Registered before the scheduler: unconfirmed changes from before a restart go out before any poll.
        services.AddChangeStore(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddQuartz();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<PollScheduleRegistrar>();
        return new SynchronizerBuilder(services, configuration);
    }
}
