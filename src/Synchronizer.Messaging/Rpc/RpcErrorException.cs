namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// A contract error of an RPC method (CONTRACT §4). The server sends it as an oslo failure with
/// <c>class</c> = <see cref="ClassName"/> and <c>message</c> = <see cref="Exception.Message"/>.
/// </summary>
public sealed class RpcErrorException : Exception
{
    private const string DefaultClassName = "RpcError";

    /// <summary>Initializes a new instance of the <see cref="RpcErrorException"/> class.</summary>
    public RpcErrorException()
        : this(DefaultClassName, "The RPC method failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RpcErrorException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public RpcErrorException(string message)
        : this(DefaultClassName, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RpcErrorException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause; it is logged, never sent.</param>
    public RpcErrorException(string message, Exception innerException)
        : base(message, innerException) => ClassName = DefaultClassName;

    /// <summary>Initializes a new instance of the <see cref="RpcErrorException"/> class.</summary>
    /// <param name="className">The failure class, one of <see cref="RpcErrorClasses"/>.</param>
    /// <param name="message">What went wrong, for the caller: name the argument or the entity type.</param>
    public RpcErrorException(string className, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(className);
        ClassName = className;
    }

    /// <summary>Gets the failure class the caller sees, for example <c>RevisionGone</c>.</summary>
    public string ClassName { get; }

    /// <summary>Creates an <see cref="RpcErrorClasses.InvalidArgument"/> error.</summary>
    /// <param name="message">Names the argument and what is wrong with it.</param>
    /// <returns>The error.</returns>
    public static RpcErrorException InvalidArgument(string message) => new(RpcErrorClasses.InvalidArgument, message);

    /// <summary>Creates an <see cref="RpcErrorClasses.UnknownMethod"/> error.</summary>
    /// <param name="method">The method the caller asked for.</param>
    /// <returns>The error.</returns>
    public static RpcErrorException UnknownMethod(string method) =>
        new(RpcErrorClasses.UnknownMethod, $"The synchronizer has no RPC method '{method}'.");
}
