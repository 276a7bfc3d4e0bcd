using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Control;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Hosting;

/// <summary>Every singleton of one simulator, wired by hand: the state, the services and the control API.</summary>
internal sealed class SimulatorParts
{
    private SimulatorParts(SimulatorOptions options, ILoggerFactory loggers)
    {
        var time = options.TimeProvider;
        var random = new SimulatorRandom(options.RandomSeed);
        Directory = new IdentityDirectory(options);
        Tokens = new TokenStore(options);
        Servers = new ServerStore();
        Faults = new FaultRegistry();
        Operations = new ServerOperations(Servers, new ServerFactory(random), Directory, time);

        var authenticator = new ServiceAuthenticator(Tokens);
        TokenEndpoints = new TokenEndpoints(new PasswordAuthReader(Directory), Tokens);
        NovaPipeline = new NovaPipeline(authenticator);
        ServerEndpoints = new ServerEndpoints(NovaPipeline, Servers, options);

        var controlLog = loggers.CreateLogger("Synchronizer.Simulator.Control");
        Churn = new ChurnWorker(new ChurnEngine(Operations, Servers, random), time, controlLog, options.ChurnPerSecond);
        ControlEndpoints = new ControlEndpoints(Operations, Servers, controlLog);
        GroundTruth = new GroundTruthEndpoint(Servers);
        Settings = new SettingsEndpoints(Faults, Churn, Tokens, Servers);
        FaultMiddleware = new FaultMiddleware(Faults, time, loggers.CreateLogger("Synchronizer.Simulator.Faults"));
    }

    public IdentityDirectory Directory { get; }

    public TokenStore Tokens { get; }

    public ServerStore Servers { get; }

    public FaultRegistry Faults { get; }

    public ServerOperations Operations { get; }

    public TokenEndpoints TokenEndpoints { get; }

    public NovaPipeline NovaPipeline { get; }

    public ServerEndpoints ServerEndpoints { get; }

    public ChurnWorker Churn { get; }

    public ControlEndpoints ControlEndpoints { get; }

    public GroundTruthEndpoint GroundTruth { get; }

    public SettingsEndpoints Settings { get; }

    public FaultMiddleware FaultMiddleware { get; }

    /// <summary>Wires the parts and seeds the servers the options ask for.</summary>
    public static SimulatorParts Create(SimulatorOptions options, ILoggerFactory loggers)
    {
        var parts = new SimulatorParts(options, loggers);
        if (options.SeedServers > 0)
        {
            parts.Operations.Seed(options.SeedServers, options.SeedProjects);
        }

        return parts;
    }
}
