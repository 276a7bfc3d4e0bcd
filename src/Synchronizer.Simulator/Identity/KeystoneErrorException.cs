namespace Synchronizer.Simulator.Identity;

/// <summary>A keystone error to send as <c>{"error": {"code", "message", "title"}}</c>.</summary>
internal sealed class KeystoneErrorException : Exception
{
    public KeystoneErrorException()
        : this(StatusCodes.Status401Unauthorized, KeystoneErrors.UnauthorizedMessage)
    {
    }

    public KeystoneErrorException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public KeystoneErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
    }

    public KeystoneErrorException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public int Status { get; }

    /// <summary>
    /// Keystone's ValidationError text. Without insecure_debug every authentication failure is instead
    /// the bare 401 message, whatever went wrong (unknown user, bad password, no role on the project).
    /// </summary>
    public static KeystoneErrorException Expecting(string attribute, string target) =>
        new($"Expecting to find {attribute} in {target}. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
}
