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
        var withErrors = results.Any(r => !string.IsNullOrEmpty(r.Error));
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("TYPE")
            .AddColumn("RESULT")
            .AddColumn(new TableColumn("CREATED").RightAligned())
            .AddColumn(new TableColumn("UPDATED").RightAligned())
            .AddColumn(new TableColumn("DELETED").RightAligned())
            .AddColumn(new TableColumn("REVISION").RightAligned())
            .AddColumn(new TableColumn("DURATION").RightAligned());
        if (withErrors)
        {
            table.AddColumn("ERROR");
        }

        foreach (var result in results)
        {
            var queued = result.Status == "queued";
            var cells = new List<string>
            {
                Markup.Escape(result.EntityType),
                Status(result.Status),
                queued ? string.Empty : Number(result.Created),
                queued ? string.Empty : Number(result.Updated),
                queued ? string.Empty : Number(result.Deleted),
                result.Revision?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                queued ? string.Empty : Durations.Short(TimeSpan.FromMilliseconds(result.DurationMs)),
            };
            if (withErrors)
            {
                cells.Add(Markup.Escape(result.Error ?? string.Empty));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
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
                if (result.Error is null)
                {
                    json.WriteNull("error");
                }
                else
                {
                    json.WriteString("error", result.Error);
                }

                if (result.Revision is { } revision)
                {
                    json.WriteNumber("revision", revision);
                }
                else
                {
                    json.WriteNull("revision");
                }

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

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Status(string status) => status switch
    {
        "ok" => "[green]ok[/]",
        "failed" => "[red]failed[/]",
        "queued" => "[yellow]queued[/]",
        _ => Markup.Escape(status),
    };
}
