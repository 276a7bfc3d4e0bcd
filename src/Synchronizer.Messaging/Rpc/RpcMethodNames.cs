namespace Synchronizer.Messaging.Rpc;

/// <summary>The methods of the RPC API (CONTRACT §4).</summary>
public static class RpcMethodNames
{
    /// <summary>Lists the entity types with their revision, count and last poll.</summary>
    public const string ListTypes = "list_types";

    /// <summary>Returns one page of a consistent snapshot of a type.</summary>
    public const string GetAll = "get_all";

    /// <summary>Returns the changes of a type after a revision.</summary>
    public const string GetChanges = "get_changes";

    /// <summary>Compares a consumer's <c>{id: hash}</c> inventory with the current state.</summary>
    public const string Reconcile = "reconcile";

    /// <summary>Polls now, one type or all.</summary>
    public const string Sync = "sync";
}
