using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Configuration;

/// <summary>
/// Writes <c>etc/synchronizer/synchronizer.conf.sample</c> from the options classes, in the layout of
/// oslo-config-generator: every option commented out with its help text and default.
/// </summary>
/// <remarks>
/// An options class is found by its <c>public const string SectionName</c> and its properties marked
/// <see cref="ConfigurationKeyNameAttribute"/>; adding an option to a class adds it to the sample.
/// </remarks>
internal static class SampleConfigWriter
{
    public static string Write(IEnumerable<Type> optionsTypes, IEnumerable<EntityTypeDescriptor> entityTypes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Sample configuration of the synchronizer: every option, commented out, with its help and default.");
        text.AppendLine("# Generated from the options classes by scripts/genconfig; do not edit by hand.");
        text.AppendLine("# Any key can also be set as the environment variable SYNCHRONIZER__<SECTION>__<KEY>.");
        foreach (var group in optionsTypes.GroupBy(SectionOf).OrderBy(g => g.Key == "DEFAULT" ? string.Empty : g.Key, StringComparer.Ordinal))
        {
            text.AppendLine().Append('[').Append(group.Key).AppendLine("]");
            foreach (var type in group.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                WriteOptions(text, type);
            }
        }

        foreach (var entityType in entityTypes.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            text.AppendLine().Append('[').Append(entityType.Name).AppendLine("]");
            foreach (var key in PollingKey.All)
            {
                WriteOption(text, key.Name, key.Help, key.Kind, key.Default(entityType));
            }
        }

        return text.ToString();
    }

    private static string SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{type.FullName} has no public const SectionName.");

    private static void WriteOptions(StringBuilder text, Type type)
    {
        var defaults = Activator.CreateInstance(type);
        text.AppendLine().AppendLine("#").Append("# From ").AppendLine(type.FullName).AppendLine("#");
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not { } key)
            {
                continue;
            }

            WriteOption(text, key.Name, XmlDocs.Summary(property), KindOf(property.PropertyType), Format(property.GetValue(defaults)));
        }
    }

    private static void WriteOption(StringBuilder text, string key, string help, string kind, string value)
    {
        text.AppendLine();
        foreach (var line in Wrap($"{help} ({kind} value)", 96))
        {
            text.Append("# ").AppendLine(line);
        }

        text.Append('#').Append(key).Append(" =").AppendLine(value.Length == 0 ? string.Empty : " " + value);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",

        // The host name defaults to the machine's; the sample must not depend on where it was generated.
        string s when s == Environment.MachineName => "<the machine's host name>",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string KindOf(Type type) =>
        type == typeof(bool) ? "boolean" : type == typeof(int) || type == typeof(long) ? "integer" : type == typeof(double) ? "floating point" : "string";

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        yield return line.ToString();
    }
}
