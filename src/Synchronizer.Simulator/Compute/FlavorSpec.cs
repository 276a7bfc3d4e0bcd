namespace Synchronizer.Simulator.Compute;

/// <summary>A flavor as nova embeds it in a server: by id and link before 2.47, as a dict from 2.47.</summary>
internal sealed record FlavorSpec(
    string Id,
    string Name,
    int Vcpus,
    int RamMb,
    int DiskGb,
    int EphemeralGb,
    int Swap,
    IReadOnlyDictionary<string, string> ExtraSpecs);
