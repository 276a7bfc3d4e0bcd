namespace Synchronizer.Client.Rpc;

/// <summary>What a change did to an entity, as its <c>action</c> says.</summary>
public enum ChangeAction
{
    /// <summary>The entity appeared (<c>create</c>).</summary>
    Create,

    /// <summary>The entity changed (<c>update</c>).</summary>
    Update,

    /// <summary>The entity disappeared (<c>delete</c>).</summary>
    Delete,
}
