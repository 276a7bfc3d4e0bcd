namespace Synchronizer.Simulator.Compute;

/// <summary>The fixed flavors and image servers are built from (devstack's defaults); hosts are in the HypervisorStore.</summary>
internal static class ComputeCatalog
{
    public const string NetworkName = "private";

    private static readonly Dictionary<string, string> NoExtraSpecs = [];

    public static readonly IReadOnlyList<FlavorSpec> Flavors =
    [
        new("1", "m1.tiny", 1, 512, 1, 0, 0, NoExtraSpecs),
        new("2", "m1.small", 1, 2048, 20, 0, 0, NoExtraSpecs),
        new("3", "m1.medium", 2, 4096, 40, 0, 0, NoExtraSpecs),
        new("4", "m1.large", 4, 8192, 80, 0, 0, new Dictionary<string, string> { ["hw:numa_nodes"] = "1" }),
    ];

    public static readonly ImageSpec Image = new(
        "70a599e0-31e7-49b7-b260-868f441e862b",
        "cirros-0.6.2-x86_64-disk",
        new Dictionary<string, string> { ["architecture"] = "x86_64", ["hw_rng_model"] = "virtio" });
}
