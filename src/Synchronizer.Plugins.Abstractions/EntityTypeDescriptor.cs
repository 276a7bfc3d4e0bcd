using System.Text.RegularExpressions;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// Describes an entity type a plugin provides: its name, the fields left out of its hash and how
/// often it is polled unless configured otherwise.
/// </summary>
public sealed partial record EntityTypeDescriptor
{
    /// <summary>Initializes a new instance of the <see cref="EntityTypeDescriptor"/> class.</summary>
    /// <param name="name">The entity type, <c>&lt;service&gt;.&lt;entity&gt;</c> in lower case, for example <c>nova.instance</c>.</param>
    /// <param name="volatileFields">Top-level fields that change without meaning anything (timestamps, progress counters); they are removed before hashing and publishing.</param>
    /// <param name="defaultInterval">The polling interval used when the configuration sets none.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> does not follow the naming rule.</exception>
    public EntityTypeDescriptor(string name, IEnumerable<string> volatileFields, TimeSpan defaultInterval)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(volatileFields);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Entity type '{name}' must be '<service>.<entity>' in lower case letters, digits and underscores.", nameof(name));
        }

        if (defaultInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultInterval), defaultInterval, "The default interval must be positive.");
        }

        Name = name;
        VolatileFields = volatileFields.ToHashSet(StringComparer.Ordinal);
        DefaultInterval = defaultInterval;
    }

    /// <summary>Gets the entity type name, for example <c>nova.instance</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the top-level fields removed before hashing and publishing.</summary>
    public IReadOnlySet<string> VolatileFields { get; }

    /// <summary>Gets the polling interval used when the configuration sets none.</summary>
    public TimeSpan DefaultInterval { get; }

    /// <summary>Tells whether <paramref name="name"/> follows the rule <c>&lt;service&gt;.&lt;entity&gt;</c>, lower case.</summary>
    /// <param name="name">The candidate entity type name.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValidName(string name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
