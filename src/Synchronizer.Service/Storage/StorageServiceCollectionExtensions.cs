using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Storage;

/// <summary>Registers the state store selected by <c>[database] connection</c>, and the start-up recovery.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IChangeStore"/>: SQLite when <c>[database] connection</c> names one, else the
    /// in-memory store (tests, demos). Registered with <c>TryAdd</c>, so a test's own store wins. Adds
    /// <see cref="PendingChangesRecovery"/>; call this before the scheduler is added, so it runs first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The <c>[database]</c> section.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddChangeStore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DatabaseOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddSingleton(CreateStore);
        services.AddHostedService<PendingChangesRecovery>();
        return services;
    }

    private static IChangeStore CreateStore(IServiceProvider services)
    {
        // Value runs the validator: a bad value fails here too, when no host validates on start.
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connection = DatabaseConnection.Parse(options.Connection);
        return connection.Kind == DatabaseKind.InMemory
            ? new InMemoryChangeStore(options.ChangeLogRetention)
            : new SqliteChangeStore(connection, options.ChangeLogRetention);
    }
}
