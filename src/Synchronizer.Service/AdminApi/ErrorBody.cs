namespace Synchronizer.Service.AdminApi;

/// <summary>The <c>error</c> object of every failed request (CONTRACT §6): never a stack trace.</summary>
/// <param name="Code">A stable name, such as <c>UnknownEntityType</c> or <c>Unauthorized</c>.</param>
/// <param name="Message">What went wrong and, where it helps, what to do.</param>
internal sealed record ErrorBody(string Code, string Message);
