namespace Synchronizer.Simulator.Hosting;

/// <summary>The defaults of <see cref="SimulatorOptions"/> and of the command line, in one place.</summary>
internal static class SimulatorDefaults
{
    public const string Username = "admin";
    public const string Password = "secret";
    public const string ProjectName = "admin";

    // "Default" with the id "default" is the domain keystone-manage bootstrap creates.
    public const string DomainName = "Default";

    // A non-admin account like devstack's and the realstack's demo user (REALSTACK.md: demo/demo,
    // roles member and reader), so that policy-dependent fields can be seen from both sides.
    public const string DemoUsername = "demo";
    public const string DemoPassword = "demo";
    public const string DemoProjectName = "demo";

    public const int TokenLifetimeSeconds = 3600;

    // nova's [api] max_limit default (REALSTACK.md: "Pages hold at most 1000 items").
    public const int MaxLimit = 1000;

    // Four compute nodes, like a small multi-node devstack.
    public const int Hypervisors = 4;

    public const string Host = "127.0.0.1";
    public const int CommandLinePort = 8780;
    public const string Region = "RegionOne";
}
