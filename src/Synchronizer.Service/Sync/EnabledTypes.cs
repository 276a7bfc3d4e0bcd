using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Synchronizer.Core.Polling;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Sync;

/// <summary>
/// The entity types the service serves: those of the engine whose section does not say
/// <c>enabled = false</c>. A disabled type is unknown to <c>sync</c>, <c>list_types</c> and readiness.
/// </summary>
internal sealed class EnabledTypes
{
    private readonly Dictionary<string, TypeSynchronizer> _enabled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="EnabledTypes"/> class.</summary>
    /// <param name="engine">Every registered type.</param>
    /// <param name="configuration">The whole configuration, holding one section per type.</param>
    /// <exception cref="InvalidOperationException">A type's section is malformed; the message names section, key and fix.</exception>
    public EnabledTypes(SynchronizationEngine engine, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var type in engine.Types)
        {
            if (PollingOptions.Read(configuration, type.Descriptor).Enabled)
            {
                _enabled[type.Descriptor.Name] = type;
            }
            else
            {
                _disabled.Add(type.Descriptor.Name);
            }
        }

        All = [.. _enabled.Values.OrderBy(t => t.Descriptor.Name, StringComparer.Ordinal)];
    }

    /// <summary>Gets the enabled types, in name order.</summary>
    public IReadOnlyList<TypeSynchronizer> All { get; }

    public bool TryGet(string entityType, [NotNullWhen(true)] out TypeSynchronizer? type) => _enabled.TryGetValue(entityType, out type);

    /// <summary>Finds an enabled type.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>Its synchronizer.</returns>
    /// <exception cref="UnknownEntityTypeException">No plugin provides it, or it is disabled; the message says which.</exception>
    public TypeSynchronizer Get(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (_enabled.TryGetValue(entityType, out var type))
        {
            return type;
        }

        throw _disabled.Contains(entityType)
            ? new UnknownEntityTypeException($"Entity type '{entityType}' is disabled: set [{entityType}] {PollingOptions.EnabledKey} = true to serve it.")
            : UnknownEntityTypeException.For(entityType, _enabled.Keys.Order(StringComparer.Ordinal));
    }
}
