namespace Synchronizer.Simulator.Compute;

/// <summary>A nova fault to send as <c>{"&lt;faultName&gt;": {"code", "message"}}</c>.</summary>
internal sealed class NovaFaultException : Exception
{
    public NovaFaultException()
        : this(StatusCodes.Status500InternalServerError, NovaFaults.GenericServerErrorMessage)
    {
    }

    public NovaFaultException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public NovaFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
    }

    public NovaFaultException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public int Status { get; }
}
