using System.Diagnostics;
using System.Globalization;

namespace Synchronizer.Benchmarks.Harness;

/// <summary>What a benchmark gets: its size setting, the broker, and a way to report lines.</summary>
internal sealed class BenchmarkContext
{
    private readonly TextWriter _output;

    public BenchmarkContext(TextWriter output, bool quick, string? transportUrl)
    {
        _output = output;
        Quick = quick;
        TransportUrl = transportUrl;
    }

    /// <summary>Gets whether to run a small size (a smoke run) instead of the full one.</summary>
    public bool Quick { get; }

    /// <summary>Gets the broker URL (SYNCHRONIZER_TEST_TRANSPORT_URL), when one is available.</summary>
    public string? TransportUrl { get; }

    /// <summary>Reports a measured figure and, when given, its ratio against the baseline measured in the same run.</summary>
    public void Report(string benchmark, string metric, double value, string unit, double? baseline = null)
    {
        var ratio = baseline is > 0 ? string.Create(CultureInfo.InvariantCulture, $"  ({value / baseline.Value:0.00}x baseline {baseline.Value:0.###} {unit})") : string.Empty;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark,-12} {metric,-44} {value,12:0.###} {unit}{ratio}"));
    }

    /// <summary>Times <paramref name="action"/> <paramref name="repeats"/> times and returns the median in milliseconds (the machine is shared and noisy).</summary>
    public static async Task<double> MedianMillisecondsAsync(int repeats, Func<Task> action)
    {
        var times = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
