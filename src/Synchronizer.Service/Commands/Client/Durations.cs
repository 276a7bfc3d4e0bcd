using System.Globalization;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Durations the way an operator reads them at a glance: <c>850 ms</c>, <c>42 s</c>, <c>5 min</c>, <c>2 h 5 min</c>, <c>3 d 4 h</c>; rounded down.</summary>
internal static class Durations
{
    public static string Short(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        return duration switch
        {
            { TotalSeconds: < 1 } => string.Create(c, $"{(long)duration.TotalMilliseconds} ms"),
            { TotalMinutes: < 2 } => string.Create(c, $"{(long)duration.TotalSeconds} s"),
            { TotalHours: < 2 } => string.Create(c, $"{(long)duration.TotalMinutes} min"),
            { TotalDays: < 2 } => string.Create(c, $"{(long)duration.TotalHours} h {duration.Minutes} min"),
            _ => string.Create(c, $"{(long)duration.TotalDays} d {duration.Hours} h"),
        };
    }
}
