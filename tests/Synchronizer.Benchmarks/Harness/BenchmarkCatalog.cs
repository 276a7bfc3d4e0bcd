
namespace Synchronizer.Benchmarks.Harness;

/// <summary>Finds every <see cref="IBenchmark"/> in this assembly, so adding one is adding a file.</summary>
internal static class BenchmarkCatalog
{
    public static IEnumerable<IBenchmark> All() =>
        typeof(BenchmarkCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal);

}
