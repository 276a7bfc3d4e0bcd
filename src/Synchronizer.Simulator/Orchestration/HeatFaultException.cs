namespace Synchronizer.Simulator.Orchestration;

/// <summary>
/// A heat error as its FaultWrapper writes it: <c>{"code", "title", "explanation", "error": {"type",
/// "traceback", "message"?}}</c>. Only "safe" heat exceptions carry a message; a webob error does not.
/// </summary>
internal sealed class HeatFaultException : Exception
{
    public HeatFaultException()
        : this(StatusCodes.Status500InternalServerError, "HTTPInternalServerError", safeMessage: null)
    {
    }

    public HeatFaultException(string message)
        : this(StatusCodes.Status400BadRequest, "HTTPBadRequest", message)
    {
    }

    public HeatFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Type = "HTTPBadRequest";
        SafeMessage = message;
    }

    public HeatFaultException(int status, string type, string? safeMessage)
        : base(safeMessage ?? type)
    {
        Status = status;
        Type = type;
        SafeMessage = safeMessage;
    }

    public int Status { get; }

    /// <summary>The exception class name heat reports, e.g. EntityNotFound or HTTPForbidden.</summary>
    public string Type { get; }

    public string? SafeMessage { get; }

    public static HeatFaultException StackNotFound(string name) =>
        new(StatusCodes.Status404NotFound, "EntityNotFound", $"The Stack ({name}) could not be found.");

    public static HeatFaultException Forbidden() => new(StatusCodes.Status403Forbidden, "HTTPForbidden", safeMessage: null);

    public static HeatFaultException BadRequest() => new(StatusCodes.Status400BadRequest, "HTTPBadRequest", safeMessage: null);
}
