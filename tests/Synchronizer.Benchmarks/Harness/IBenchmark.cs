namespace Synchronizer.Benchmarks.Harness;

/// <summary>One benchmark: it measures our code and, in the same run, a bare baseline doing the same work.</summary>
internal interface IBenchmark
{
    /// <summary>Gets the name used on the command line and in the report, for example <c>poll</c>.</summary>
    string Name { get; }

    /// <summary>Gets what the benchmark compares, one line.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark and reports its lines.</summary>
    Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
