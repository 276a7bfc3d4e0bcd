using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Synchronizer.Client.Replication;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Shows the entities of a snapshot: JSON lines for tools, a table for people.</summary>
internal static class SnapshotView
{
    private static readonly string[] NameKeys = ["name", "stack_name", "hypervisor_hostname", "zoneName"];

    /// <summary>Writes one entity as one line, <c>{"id", "revision", "hash", "entity"}</c>: an element of <c>get_all</c>'s <c>entities</c>.</summary>
    public static void WriteJsonLine(ReplicaEntity entity, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonLines.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("id", entity.Id);
            json.WriteNumber("revision", entity.Revision);
            json.WriteString("hash", entity.Hash);
            json.WritePropertyName("entity");
            entity.Entity.WriteTo(json);
            json.WriteEndObject();
        }));
    }

    /// <summary>Writes the entities as a table (id, name, revision, hash), captioned with the snapshot's revision.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="revision">The revision the snapshot was pinned at; <see langword="null"/> when no page was read.</param>
    /// <param name="entities">The entities, in id order.</param>
    /// <param name="cut">Whether <c>--limit</c> left entities out.</param>
    /// <param name="console">Standard output.</param>
    public static void Render(string entityType, long? revision, IReadOnlyList<ReplicaEntity> entities, bool cut, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("ID")
            .AddColumn("NAME")
            .AddColumn(new TableColumn("REVISION").RightAligned())
            .AddColumn("HASH")
            .Caption(Markup.Escape(Summary(entityType, revision, entities.Count, cut)));
        foreach (var entity in entities)
        {
            table.AddRow(
                Markup.Escape(entity.Id),
                Markup.Escape(NameOf(entity.Entity) ?? string.Empty),
                entity.Revision.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entity.Hash));
        }

        console.Write(table);
    }

    /// <summary><c>nova.instance: 200 entities at revision 812</c>, or <c>first 5 entities</c> when <c>--limit</c> cut the snapshot.</summary>
    public static string Summary(string entityType, long? revision, int count, bool cut)
    {
        var entities = count == 1 ? "entity" : "entities";
        var at = revision is { } r ? string.Create(CultureInfo.InvariantCulture, $" at revision {r}") : string.Empty;
        return cut
            ? string.Create(CultureInfo.InvariantCulture, $"{entityType}: first {count} {entities} of the snapshot{at} (--limit)")
            : string.Create(CultureInfo.InvariantCulture, $"{entityType}: {count} {entities}{at}");
    }

    /// <summary>The entity's name: <c>name</c>, or what the built-in types call it (<c>stack_name</c>, <c>hypervisor_hostname</c>, <c>zoneName</c>).</summary>
    public static string? NameOf(JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in NameKeys)
        {
            if (entity.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }

        return null;
    }
}
