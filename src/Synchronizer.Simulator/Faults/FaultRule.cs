namespace Synchronizer.Simulator.Faults;

/// <summary>
/// A failure to inject into matching OpenStack API requests; on the wire (<c>POST /control/faults</c>)
/// the properties are snake_case: <c>{"kind": "status", "service": "compute", "path_contains":
/// "/servers/detail", "query_contains": "marker=", "status": 500, "skip": 0, "times": 1}</c>.
/// </summary>
/// <param name="Kind">
/// <c>status</c> (answer <paramref name="Status"/>, default 500, with <paramref name="Body"/> or the
/// service's own error body), <c>retry_after</c> (503 or 429 with a Retry-After header),
/// <c>delay_ms</c> (answer normally after <paramref name="DelayMs"/>), <c>malformed_json</c> (the real
/// answer cut in half), <c>html</c> (a proxy's 502 HTML page) or <c>reset</c> (drop the connection).
/// </param>
/// <param name="Service">Only requests to this service: <c>identity</c>, <c>compute</c>, <c>volume</c> or <c>orchestration</c>; null for any.</param>
/// <param name="PathContains">Only requests whose path contains this text; null for any.</param>
/// <param name="QueryContains">Only requests whose raw query string contains this text; null for any.</param>
/// <param name="Method">Only requests with this HTTP method; null for any.</param>
/// <param name="Status">The status for <c>status</c> (default 500) and <c>retry_after</c> (503 or 429, default 503).</param>
/// <param name="Body">The exact body for <c>status</c>; null for the service's own error body.</param>
/// <param name="RetryAfterSeconds">The Retry-After value for <c>retry_after</c>; default 1.</param>
/// <param name="DelayMs">How long to wait before answering; used by <c>delay_ms</c>, and by any kind when set.</param>
/// <param name="Skip">How many matching requests pass untouched before the fault starts.</param>
/// <param name="Times">How many matching requests then fail; null for every one until the faults are cleared.</param>
public sealed record FaultRule(
    string Kind,
    string? Service = null,
    string? PathContains = null,
    string? QueryContains = null,
    string? Method = null,
    int? Status = null,
    string? Body = null,
    int? RetryAfterSeconds = null,
    int? DelayMs = null,
    int Skip = 0,
    int? Times = 1);
