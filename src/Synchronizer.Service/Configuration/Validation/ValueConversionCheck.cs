using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Finds values the configuration binder cannot convert to their option's type (<c>page_size = ten</c>),
/// with the binder's own conversion, before anything binds them: the binder would throw on the first
/// and hide the others, and it names neither the value nor the fix.
/// </summary>
internal static class ValueConversionCheck
{
    /// <summary>Checks every key that an options class binds to something other than a string.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="entries">The keys the configuration sets.</param>
    /// <param name="optionKeys">The keys of the options classes.</param>
    /// <returns>The problems, each naming the entry that cannot bind.</returns>
    public static IEnumerable<(ConfigurationEntry Entry, ConfigurationProblem Problem)> Find(
        IConfiguration configuration, IEnumerable<ConfigurationEntry> entries, IEnumerable<OptionKey> optionKeys)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var typed = optionKeys
            .Where(k => k.Property.PropertyType != typeof(string))
            .GroupBy(k => (k.Section.ToUpperInvariant(), k.Name.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var entry in entries)
        {
            if (!typed.TryGetValue((entry.Section.ToUpperInvariant(), entry.Key.ToUpperInvariant()), out var key))
            {
                continue;
            }

            if (!Binds(configuration.GetSection(entry.Section), entry.Key, key.Property.PropertyType))
            {
                yield return (entry, new ConfigurationProblem(key.Section, key.Name, $"'{entry.Value}' is not {KindOf(key.Property.PropertyType)}", Fix(key)) { Origin = entry.Origin });
            }
        }
    }

    private static bool Binds(IConfiguration section, string key, Type type)
    {
        try
        {
            section.GetValue(type, key);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) ? "a boolean"
            : type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) ? "a number"
            : $"a {type.Name}";
    }

    private static string Fix(OptionKey key)
    {
        var type = Nullable.GetUnderlyingType(key.Property.PropertyType) ?? key.Property.PropertyType;
        if (type == typeof(bool))
        {
            return "write true or false";
        }

        // The options classes' initializers hold the defaults, as in the sample configuration.
        var defaults = key.Property.DeclaringType is { } declaring && declaring.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(declaring) : null;
        return defaults is not null && key.Property.GetValue(defaults) is IFormattable value
            ? $"write for example {value.ToString(null, CultureInfo.InvariantCulture)} (the default)"
            : "write a value of that kind, or remove the key for the default";
    }
}
