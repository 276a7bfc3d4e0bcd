namespace Synchronizer.Benchmarks.PushPath;

/// <summary>Latencies of one kind, in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class LatencySamples
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);

    public double Max => _milliseconds.Max();

    /// <summary>The nearest-rank percentile: the smallest sample with at least <paramref name="fraction"/> of all samples at or below it.</summary>
    public double Percentile(double fraction)
    {
        if (_milliseconds.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
