namespace Synchronizer.Core.Changes;

/// <summary>What happened to an entity.</summary>
public enum ChangeAction
{
    /// <summary>A new id appeared.</summary>
    Create,

    /// <summary>The entity's hash changed.</summary>
    Update,

    /// <summary>The id vanished from a complete listing, or the API answered 404 for it.</summary>
    Delete,
}
