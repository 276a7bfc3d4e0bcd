namespace Synchronizer.Service.Storage;

/// <summary>
/// The state database cannot be used: locked by another process, unreadable, not a synchronizer
/// database, or written by a newer version. The message names <c>[database] connection</c>, the file and the fix.
/// </summary>
/// <remarks>
/// It derives from <see cref="InvalidOperationException"/> so that, at start-up, <c>synchronizer serve</c>
/// reports it like any other configuration problem: one line, exit code 2, no stack trace.
/// </remarks>
internal sealed class StateStoreException : InvalidOperationException
{
    public StateStoreException()
    {
    }

    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
