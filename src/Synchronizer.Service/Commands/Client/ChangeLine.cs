using System.Globalization;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Watching;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// One change as <c>synchronizer watch</c> prints it: time (UTC, when published), type, event, id, name,
/// revision and changed fields, in aligned columns.
/// </summary>
/// <param name="TypeWidth">The width of the type column: the longest type watched.</param>
internal sealed record ChangeLine(int TypeWidth)
{
    // A server id (a UUID) is 36 characters; names are padded so that revisions line up most of the time.
    private const int IdWidth = 36;
    private const int NameWidth = 24;
    private const int EventWidth = 6;
    private const string AnsiReset = "\u001b[0m";

    /// <summary>The line as plain text, for a file or a pipe.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="received">When it arrived; shown when the notification carries no timestamp.</param>
    public string Plain(ChangeNotification notification, DateTimeOffset received) => Format(notification, received, colour: false);

    /// <summary>
    /// The line for a colour terminal: the event coloured (create green, update yellow, delete red) with
    /// ANSI escapes written as is, so that a long line is wrapped by the terminal and not cut by a renderer.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <param name="received">When it arrived; shown when the notification carries no timestamp.</param>
    public string Coloured(ChangeNotification notification, DateTimeOffset received) => Format(notification, received, colour: true);

    private string Format(ChangeNotification notification, DateTimeOffset received, bool colour)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var change = notification.Change;
        var time = (notification.PublishedAt ?? received).UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var action = ChangeEvent(change.Action);
        var eventText = action.PadRight(EventWidth);
        if (colour)
        {
            eventText = $"{Colour(change.Action)}{eventText}{AnsiReset}";
        }

        var name = Printable(SnapshotView.NameOf(change.Entity) ?? string.Empty);
        var fields = Printable(string.Join(',', change.ChangedFields));
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{time}  {Printable(change.EntityType).PadRight(TypeWidth)}  {eventText}  {Printable(change.Id).PadRight(IdWidth)}  {name.PadRight(NameWidth)}  r{change.Revision}  {fields}");
        return line.TrimEnd();
    }

    // Names come from the cloud's users: an escape sequence or a line break in one must not reach the terminal.
    private static string Printable(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '\uFFFD' : c)) : text;

    private static string ChangeEvent(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        _ => "delete",
    };

    // SGR foreground colours: 32 green, 33 yellow, 31 red.
    private static string Colour(ChangeAction action) => action switch
    {
        ChangeAction.Create => "\u001b[32m",
        ChangeAction.Update => "\u001b[33m",
        _ => "\u001b[31m",
    };
}
