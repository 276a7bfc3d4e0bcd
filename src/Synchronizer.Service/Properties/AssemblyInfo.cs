using System.Runtime.CompilerServices;

// The benchmarks wire the engine exactly as the service does.
[assembly: InternalsVisibleTo("Synchronizer.Benchmarks")]
