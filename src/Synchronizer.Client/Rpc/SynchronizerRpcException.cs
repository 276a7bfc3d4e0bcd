namespace Synchronizer.Client.Rpc;

/// <summary>
/// The synchronizer answered a call with a failure (an oslo <c>RemoteError</c>), or the call could not
/// reach it. <see cref="ClassName"/> is one of <see cref="RpcErrorClasses"/> for the contract's errors.
/// </summary>
public sealed class SynchronizerRpcException : Exception
{
    private const string DefaultClassName = "RemoteError";

    /// <summary>Initializes a new instance of the <see cref="SynchronizerRpcException"/> class.</summary>
    public SynchronizerRpcException()
        : this(DefaultClassName, "The synchronizer answered with a failure.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SynchronizerRpcException"/> class.</summary>
    /// <param name="message">The failure's message.</param>
    public SynchronizerRpcException(string message)
        : this(DefaultClassName, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SynchronizerRpcException"/> class.</summary>
    /// <param name="message">The failure's message.</param>
    /// <param name="innerException">The cause.</param>
    public SynchronizerRpcException(string message, Exception innerException)
        : base(message, innerException) => ClassName = DefaultClassName;

    /// <summary>Initializes a new instance of the <see cref="SynchronizerRpcException"/> class.</summary>
    /// <param name="className">The failure class the server sent, for example <c>RevisionGone</c>.</param>
    /// <param name="message">The failure's message.</param>
    public SynchronizerRpcException(string className, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(className);
        ClassName = className;
    }

    /// <summary>Gets the failure class, for example <see cref="RpcErrorClasses.RevisionGone"/>.</summary>
    public string ClassName { get; }
}
