using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Control;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Hosting;

/// <summary>Every singleton of one simulator, wired by hand: the state, the services, notifications and the control API.</summary>
internal sealed partial class SimulatorParts
{
    private SimulatorParts(SimulatorOptions options, ILoggerFactory loggers)
    {
        var time = options.TimeProvider;
        var random = new SimulatorRandom(options.RandomSeed);
        Directory = new IdentityDirectory(options);
        Tokens = new TokenStore(options);
        Servers = new ServerStore();
        Hypervisors = new HypervisorStore();
        Volumes = new ResourceStore<VolumeRecord>();
        Stacks = new ResourceStore<StackRecord>();
        Faults = new FaultRegistry();
        Notifications = new NotificationQueue(options.NotificationsTransportUrl is not null);

        var contexts = new NotificationContexts(Directory);
        var projects = new ProjectDirectory(Directory, time);
        var nova = new NovaNotifier(Notifications, contexts, time);
        Operations = new ServerOperations(Servers, new ServerFactory(random, Hypervisors), projects, nova);
        VolumeOperations = new VolumeOperations(Volumes, new VolumeFactory(random), projects, new CinderNotifier(Notifications, contexts, time));
        StackOperations = new StackOperations(Stacks, new StackFactory(random), projects, new HeatNotifier(Notifications, contexts, time));
        HypervisorOperations = new HypervisorOperations(Hypervisors, Servers, Operations, random, projects, nova);

        var authenticator = Authenticator = new ServiceAuthenticator(Tokens);
        TokenEndpoints = new TokenEndpoints(new AuthRequestReader(Directory, options), Tokens);
        NovaPipeline = new NovaPipeline(authenticator);
        ServerEndpoints = new ServerEndpoints(NovaPipeline, Servers, options);
        FlavorEndpoints = new FlavorEndpoints(NovaPipeline);
        HypervisorEndpoints = new HypervisorEndpoints(NovaPipeline, Hypervisors, Servers, options);
        ZoneEndpoints = new ZoneEndpoints(NovaPipeline, Hypervisors, time);
        CinderPipeline = new CinderPipeline(authenticator);
        VolumeEndpoints = new VolumeEndpoints(CinderPipeline, Volumes, options);
        HeatPipeline = new HeatPipeline(authenticator);
        StackEndpoints = new StackEndpoints(HeatPipeline, Stacks);

        var controlLog = loggers.CreateLogger("Synchronizer.Simulator.Control");
        ChurnEngine = new ChurnEngine(
            random,
            new ServerChurn(Operations, Servers, random),
            new VolumeChurn(VolumeOperations, Volumes, random),
            new StackChurn(StackOperations, Stacks, random));
        Churn = new ChurnWorker(ChurnEngine, time, controlLog, options.ChurnPerSecond);
        ControlEndpoints = new ControlEndpoints(Operations, Servers, controlLog);
        GroundTruth = new GroundTruthEndpoint(Servers);
        VolumeControl = new VolumeControlEndpoints(VolumeOperations, Volumes, projects);
        StackControl = new StackControlEndpoints(StackOperations, Stacks);
        HypervisorControl = new HypervisorControlEndpoints(HypervisorOperations, Hypervisors, Servers, ZoneEndpoints, time);
        Settings = new SettingsEndpoints(Faults, Churn, Tokens, Servers, Volumes, Stacks, Hypervisors, Notifications);
        FaultMiddleware = new FaultMiddleware(Faults, time, loggers.CreateLogger("Synchronizer.Simulator.Faults"));
        if (options.NotificationsTransportUrl is { } url)
        {
            Publisher = new NotificationPublisher(Notifications, OsloTransportUrl.Parse(url), time, loggers.CreateLogger("Synchronizer.Simulator.Notifications"));
        }
    }

    /// <summary>Wires the parts and seeds the hosts, servers, volumes and stacks the options ask for.</summary>
    public static SimulatorParts Create(SimulatorOptions options, ILoggerFactory loggers)
    {
        var parts = new SimulatorParts(options, loggers);
        parts.HypervisorOperations.Seed(options.SeedHypervisors);
        if (options.SeedServers > 0)
        {
            parts.Operations.Seed(options.SeedServers, options.SeedProjects);
        }

        if (options.SeedVolumes > 0)
        {
            parts.VolumeOperations.Seed(options.SeedVolumes, options.SeedProjects);
        }

        if (options.SeedStacks > 0)
        {
            parts.StackOperations.Seed(options.SeedStacks, options.SeedProjects);
        }

        return parts;
    }
}
