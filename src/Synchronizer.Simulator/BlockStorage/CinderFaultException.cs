namespace Synchronizer.Simulator.BlockStorage;

/// <summary>A cinder fault to send as <c>{"&lt;faultName&gt;": {"code", "message"}}</c>, the format cinder kept from nova.</summary>
internal sealed class CinderFaultException : Exception
{
    public CinderFaultException()
        : this(StatusCodes.Status500InternalServerError, CinderFaults.GenericServerErrorMessage)
    {
    }

    public CinderFaultException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public CinderFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
    }

    public CinderFaultException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public int Status { get; }
}
