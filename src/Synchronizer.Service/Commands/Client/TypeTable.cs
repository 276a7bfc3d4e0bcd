using System.Globalization;
using Spectre.Console;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// The tables of <c>status</c> and <c>sync</c>: one row per entity type, results in colour, and an ERROR
/// column only when some row has an error, so a healthy service shows a narrow table.
/// </summary>
internal sealed class TypeTable
{
    private readonly Table _table = new Table().Border(TableBorder.Simple);
    private readonly bool _withErrors;

    /// <param name="withErrors">Whether some row will have an error (adds the ERROR column).</param>
    /// <param name="columns">The columns before ERROR, the type first.</param>
    public TypeTable(bool withErrors, params TableColumn[] columns)
    {
        _withErrors = withErrors;
        foreach (var column in columns)
        {
            _table.AddColumn(column);
        }

        if (withErrors)
        {
            _table.AddColumn("ERROR");
        }
    }

    public static TableColumn Left(string header) => new(header);

    public static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    /// <summary>A poll's or a sync's result in colour; a dash when there is none yet.</summary>
    public static string Result(string? status) => status switch
    {
        null => "[grey]–[/]",
        "ok" => "[green]ok[/]",
        "failed" => "[red]failed[/]",
        "queued" => "[yellow]queued[/]",
        _ => Markup.Escape(status),
    };

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Adds a row of markup <paramref name="cells"/>, and <paramref name="error"/> (escaped) when the table has the ERROR column.</summary>
    public void AddRow(string? error, params string[] cells) =>
        _table.AddRow(_withErrors ? [.. cells, Markup.Escape(error ?? string.Empty)] : cells);

    public void WriteTo(IAnsiConsole console) => console.Write(_table);
}
