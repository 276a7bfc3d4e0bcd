namespace Synchronizer.Simulator.Notifications;

/// <summary>The versioned payload classes the simulator sends, with the version nova's notification samples document.</summary>
internal enum NovaPayloadKind
{
    /// <summary>InstanceActionPayload 1.9: every instance.&lt;action&gt;.start/end.</summary>
    Action,

    /// <summary>InstanceCreatePayload 1.13: instance.create.start/end.</summary>
    Create,

    /// <summary>InstanceUpdatePayload 2.1: instance.update, with the state change and the old name.</summary>
    Update,
}
