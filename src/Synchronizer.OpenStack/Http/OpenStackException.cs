namespace Synchronizer.OpenStack;

/// <summary>
/// Any failure talking to OpenStack: authentication, catalog, HTTP status, time-out or a body that
/// cannot be read. Pollers and jobs deal with this one kind of failure.
/// </summary>
public class OpenStackException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OpenStackException"/> class.</summary>
    public OpenStackException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OpenStackException"/> class.</summary>
    /// <param name="message">What failed; never a secret.</param>
    public OpenStackException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OpenStackException"/> class.</summary>
    /// <param name="message">What failed; never a secret.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
