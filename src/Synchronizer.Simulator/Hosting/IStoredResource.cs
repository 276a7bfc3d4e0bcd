namespace Synchronizer.Simulator.Hosting;

/// <summary>A row of a cinder or heat table: its id, creation time (the default sort key) and soft-delete mark.</summary>
internal interface IStoredResource
{
    string Id { get; }

    /// <summary>Whole seconds, as in the services' MySQL DATETIME columns.</summary>
    DateTime CreatedAt { get; }

    bool Deleted { get; }
}
