namespace Synchronizer.Service.AdminApi;

/// <summary>The body of a successful <c>/healthz</c> or <c>/readyz</c>: <c>{"status": "ok"}</c>.</summary>
/// <param name="Status">Always <c>ok</c>.</param>
internal sealed record StatusResponse(string Status);
