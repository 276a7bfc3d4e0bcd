using Synchronizer.Benchmarks.Harness;

// scripts/bench runs this in Release. Every figure is reported next to a baseline measured in the
// same run, because the machine is shared and absolute times drift.
IBenchmark[] all = [.. BenchmarkCatalog.All()];
var quick = args.Contains("--quick");
var selected = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
if (args.Contains("--list"))
{
    foreach (var benchmark in all)
    {
        Console.WriteLine($"{benchmark.Name,-12} {benchmark.Description}");
    }

    return 0;
}

var context = new BenchmarkContext(Console.Out, quick, Environment.GetEnvironmentVariable("SYNCHRONIZER_TEST_TRANSPORT_URL"));
foreach (var benchmark in all.Where(b => selected.Count == 0 || selected.Contains(b.Name)))
{
    await benchmark.RunAsync(context, CancellationToken.None);
}

return 0;
