namespace Synchronizer.Core.Polling;

/// <summary>A poll did not complete: the listing failed or was incomplete, or its changes could not be recorded or published.</summary>
public sealed class PollFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PollFailedException"/> class.</summary>
    public PollFailedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PollFailedException"/> class.</summary>
    /// <param name="message">Why the poll failed; never a secret.</param>
    public PollFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PollFailedException"/> class.</summary>
    /// <param name="message">Why the poll failed; never a secret.</param>
    /// <param name="innerException">The cause.</param>
    public PollFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
