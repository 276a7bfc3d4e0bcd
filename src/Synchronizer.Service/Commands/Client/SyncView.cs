using System.Globalization;
using Spectre.Console;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Shows a <c>sync</c> answer: a table for people, the contract's JSON for scripts.</summary>
internal static class SyncView
{
    /// <summary>Writes one row per type: result, created, updated, deleted, revision, duration, and the error of a failed poll.</summary>
    public static void Render(IReadOnlyList<SyncResult> results, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(console);
        var table = new TypeTable(
            results.Any(r => !string.IsNullOrEmpty(r.Error)),
            TypeTable.Left("TYPE"),
            TypeTable.Left("RESULT"),
            TypeTable.Right("CREATED"),
            TypeTable.Right("UPDATED"),
            TypeTable.Right("DELETED"),
            TypeTable.Right("REVISION"),
            TypeTable.Right("DURATION"));
        foreach (var result in results)
        {
            // A queued sync has not polled yet: it has no counts and no duration.
            var queued = result.Status == "queued";
            table.AddRow(
                result.Error,
                Markup.Escape(result.EntityType),
                TypeTable.Result(result.Status),
                queued ? string.Empty : TypeTable.Number(result.Created),
                queued ? string.Empty : TypeTable.Number(result.Updated),
                queued ? string.Empty : TypeTable.Number(result.Deleted),
                result.Revision?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                queued ? string.Empty : Durations.Short(TimeSpan.FromMilliseconds(result.DurationMs)));
        }

        table.WriteTo(console);
    }

    /// <summary>Writes <c>{"results": [...]}</c> with the contract's field names (CONTRACT §4 <c>sync</c>), on one line.</summary>
    public static void WriteJson(IReadOnlyList<SyncResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonLines.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("entity_type", result.EntityType);
                json.WriteString("status", result.Status);
                json.WriteStringOrNull("error", result.Error);
                json.WriteNumberOrNull("revision", result.Revision);
                json.WriteNumber("created", result.Created);
                json.WriteNumber("updated", result.Updated);
                json.WriteNumber("deleted", result.Deleted);
                json.WriteNumber("duration_ms", result.DurationMs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

}
