namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Finds the sections and keys the service does not read: a typo there would otherwise be ignored in
/// silence, and the service would run with a default the operator thinks they changed.
/// </summary>
internal static class UnknownKeysCheck
{
    /// <summary>Reports each unknown section once, and each unknown key of a known section.</summary>
    /// <param name="entries">The keys the configuration sets.</param>
    /// <param name="known">What the service reads.</param>
    /// <param name="sectionsComplete">
    /// Whether <paramref name="known"/> has every section: <see langword="false"/> when plugins could not be
    /// loaded, whose sections are then unknown without being wrong; only near misses are reported then.
    /// </param>
    /// <returns>The problems.</returns>
    public static IEnumerable<ConfigurationProblem> Find(IEnumerable<ConfigurationEntry> entries, KnownKeys known, bool sectionsComplete)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(known);
        foreach (var group in entries.GroupBy(e => e.Section, StringComparer.OrdinalIgnoreCase))
        {
            if (group.Key.Length == 0)
            {
                foreach (var entry in group)
                {
                    yield return new ConfigurationProblem(string.Empty, entry.Key, "names no section", "name the variable SYNCHRONIZER__<SECTION>__<KEY>, for example SYNCHRONIZER__DEFAULT__TRANSPORT_URL") { Origin = entry.Origin };
                }
            }
            else if (!known.TryGetSection(group.Key, out var section, out var keys))
            {
                // Without every plugin, only a near miss of a known section is surely a mistake.
                if (sectionsComplete || NearestName.Find(group.Key, known.Sections) is not null)
                {
                    yield return UnknownSection(group.First(), known);
                }
            }
            else
            {
                foreach (var entry in group.Where(e => !keys.Contains(e.Key)))
                {
                    yield return UnknownKey(entry, section, keys, known);
                }
            }
        }
    }

    private static ConfigurationProblem UnknownSection(ConfigurationEntry first, KnownKeys known)
    {
        var fix = NearestName.Find(first.Section, known.Sections) is { } nearest
            ? $"did you mean [{nearest}]?"
            : $"remove it, or load the plugin that provides it; the sections read are {string.Join(", ", known.Sections.Select(s => $"[{s}]"))}";
        return new ConfigurationProblem(first.Section, string.Empty, "is not a section this service reads", fix) { Origin = first.Origin };
    }

    private static ConfigurationProblem UnknownKey(ConfigurationEntry entry, string section, IReadOnlySet<string> keys, KnownKeys known)
    {
        var elsewhere = known.SectionsReading(entry.Key).ToList();
        var fix = NearestName.Find(entry.Key, keys) is { } nearest
            ? $"did you mean {nearest}?"
            : elsewhere.Count > 0
                ? $"it belongs in {string.Join(" or ", elsewhere.Select(s => $"[{s}]"))}"
                : $"remove it; [{section}] reads {string.Join(", ", keys.Order(StringComparer.Ordinal))}";
        return new ConfigurationProblem(section, entry.Key, $"is not a key of [{section}]", fix) { Origin = entry.Origin };
    }
}
