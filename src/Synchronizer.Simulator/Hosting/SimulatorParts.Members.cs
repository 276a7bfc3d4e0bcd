using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Control;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Hosting;

/// <summary>The parts, by area: state, operations, OpenStack endpoints, control endpoints.</summary>
internal sealed partial class SimulatorParts
{
    public IdentityDirectory Directory { get; }

    public TokenStore Tokens { get; }

    public ServerStore Servers { get; }

    public HypervisorStore Hypervisors { get; }

    public ResourceStore<VolumeRecord> Volumes { get; }

    public ResourceStore<StackRecord> Stacks { get; }

    public FaultRegistry Faults { get; }

    public NotificationQueue Notifications { get; }

    /// <summary>Gets the publisher to RabbitMQ; null when notifications are off.</summary>
    public NotificationPublisher? Publisher { get; }

    public ServerOperations Operations { get; }

    public VolumeOperations VolumeOperations { get; }

    public StackOperations StackOperations { get; }

    public HypervisorOperations HypervisorOperations { get; }

    public ServiceAuthenticator Authenticator { get; }

    public TokenEndpoints TokenEndpoints { get; }

    public NovaPipeline NovaPipeline { get; }

    public ServerEndpoints ServerEndpoints { get; }

    public FlavorEndpoints FlavorEndpoints { get; }

    public HypervisorEndpoints HypervisorEndpoints { get; }

    public ZoneEndpoints ZoneEndpoints { get; }

    public CinderPipeline CinderPipeline { get; }

    public VolumeEndpoints VolumeEndpoints { get; }

    public HeatPipeline HeatPipeline { get; }

    public StackEndpoints StackEndpoints { get; }

    public ChurnEngine ChurnEngine { get; }

    public ChurnWorker Churn { get; }

    public ControlEndpoints ControlEndpoints { get; }

    public GroundTruthEndpoint GroundTruth { get; }

    public VolumeControlEndpoints VolumeControl { get; }

    public StackControlEndpoints StackControl { get; }

    public HypervisorControlEndpoints HypervisorControl { get; }

    public SettingsEndpoints Settings { get; }

    public FaultMiddleware FaultMiddleware { get; }
}
