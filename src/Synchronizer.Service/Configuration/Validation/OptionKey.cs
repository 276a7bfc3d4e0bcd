using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>One key an options class binds: its section, its name, and the property it sets.</summary>
/// <param name="Section">The section, from the class's <c>public const string SectionName</c>.</param>
/// <param name="Name">The key, from <see cref="ConfigurationKeyNameAttribute"/>.</param>
/// <param name="Property">The property the binder sets.</param>
internal sealed record OptionKey(string Section, string Name, PropertyInfo Property)
{
    /// <summary>Lists the keys of an options class: its properties marked <see cref="ConfigurationKeyNameAttribute"/>.</summary>
    /// <param name="optionsType">A class with a <c>public const string SectionName</c>.</param>
    /// <returns>The keys; none when the class has no <c>SectionName</c>.</returns>
    public static IEnumerable<OptionKey> Of(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        if (optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is not string section)
        {
            return [];
        }

        return optionsType.GetProperties()
            .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()))
            .Where(p => p.Key is not null)
            .Select(p => new OptionKey(section, p.Key!.Name, p.Property));
    }
}
