namespace Synchronizer.Messaging.Rpc;

/// <summary>A reply could not be delivered: its queue does not exist or the broker stayed away.</summary>
internal sealed class RpcReplyUndeliverableException : Exception
{
    public RpcReplyUndeliverableException()
    {
    }

    public RpcReplyUndeliverableException(string message)
        : base(message)
    {
    }

    public RpcReplyUndeliverableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
