using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Synchronizer.Service.Configuration;

/// <summary>Reads property summaries from the XML documentation files the build writes next to each assembly.</summary>
internal static partial class XmlDocs
{
    private static readonly Dictionary<Assembly, XDocument?> Cache = [];

    public static string Summary(PropertyInfo property)
    {
        var document = Load(property.DeclaringType!.Assembly);
        var name = $"P:{property.DeclaringType.FullName}.{property.Name}";
        var summary = document?.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == name)?.Element("summary");
        if (summary is null)
        {
            return string.Empty;
        }

        // <see cref="X"/> and <c>x</c> become plain text; whitespace from the source indentation is folded.
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } e => ((string?)e.Attribute("langword")) ?? ((string?)e.Attribute("cref"))?.Split('.').Last() ?? e.Value,
            XElement e => e.Value,
            _ => string.Empty,
        }));
        text = Whitespace().Replace(text, " ").Trim();
        return text.StartsWith("Gets or sets ", StringComparison.Ordinal) ? char.ToUpperInvariant(text[13]) + text[14..] : text;
    }

    private static XDocument? Load(Assembly assembly)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(assembly, out var document))
            {
                var path = Path.ChangeExtension(assembly.Location, ".xml");
                document = File.Exists(path) ? XDocument.Load(path) : null;
                Cache[assembly] = document;
            }

            return document;
        }
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
