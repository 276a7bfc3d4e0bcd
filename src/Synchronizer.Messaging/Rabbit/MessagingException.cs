namespace Synchronizer.Messaging.Rabbit;

/// <summary>The bus failed: unreachable, refused a declaration, or did not confirm a message. Never carries a password.</summary>
public sealed class MessagingException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MessagingException"/> class.</summary>
    public MessagingException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MessagingException"/> class.</summary>
    /// <param name="message">What failed.</param>
    public MessagingException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MessagingException"/> class.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public MessagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
