using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// The sections and keys the service reads: those of the options classes, and one section per entity
/// type the loaded plugins declare. Names compare without case, as the configuration does.
/// </summary>
internal sealed class KnownKeys
{
    private readonly Dictionary<string, (string Name, HashSet<string> Keys)> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _entityTypes = new(StringComparer.OrdinalIgnoreCase);

    public KnownKeys(IEnumerable<OptionKey> optionKeys, IEnumerable<EntityTypeDescriptor> entityTypes)
    {
        ArgumentNullException.ThrowIfNull(optionKeys);
        ArgumentNullException.ThrowIfNull(entityTypes);
        foreach (var key in optionKeys)
        {
            Add(key.Section, key.Name);
        }

        foreach (var type in entityTypes)
        {
            _entityTypes.Add(type.Name);
            foreach (var key in PollingKey.All)
            {
                Add(type.Name, key.Name);
            }
        }
    }

    /// <summary>Gets the known sections, as the sample spells them, <c>DEFAULT</c> first.</summary>
    public IEnumerable<string> Sections => _sections.Values.Select(s => s.Name).OrderBy(n => n == "DEFAULT" ? string.Empty : n, StringComparer.Ordinal);

    /// <summary>Finds a section by name.</summary>
    /// <param name="section">The section as written.</param>
    /// <param name="name">The section as the sample spells it.</param>
    /// <param name="keys">Its keys.</param>
    /// <returns><see langword="true"/> when the service reads the section.</returns>
    public bool TryGetSection(string section, out string name, out IReadOnlySet<string> keys)
    {
        if (_sections.TryGetValue(section, out var found))
        {
            (name, keys) = (found.Name, found.Keys);
            return true;
        }

        (name, keys) = (section, new HashSet<string>());
        return false;
    }

    /// <summary>Tells whether the section is an entity type's.</summary>
    public bool IsEntityType(string section) => _entityTypes.Contains(section);

    /// <summary>Lists the sections other than entity types' that read <paramref name="key"/>, for "it belongs in" hints.</summary>
    public IEnumerable<string> SectionsReading(string key) =>
        _sections.Values.Where(s => !_entityTypes.Contains(s.Name) && s.Keys.Contains(key)).Select(s => s.Name).Order(StringComparer.Ordinal);

    private void Add(string section, string key)
    {
        if (!_sections.TryGetValue(section, out var entry))
        {
            entry = (section, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            _sections[section] = entry;
        }

        entry.Keys.Add(key);
    }
}
