namespace Synchronizer.Service.Commands.Client;

/// <summary>How <c>synchronizer get-all</c> prints a snapshot.</summary>
internal enum SnapshotOutput
{
    /// <summary>A Spectre table: id, name, revision, hash.</summary>
    Table,

    /// <summary>One JSON object per line, <c>{"id", "revision", "hash", "entity"}</c> as <c>get_all</c> returns it.</summary>
    JsonLines,
}
