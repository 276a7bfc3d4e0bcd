using System.Text.Json.Serialization;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.AdminApi;

/// <summary><c>{"error": {"code", "message"}}</c>, with the readiness reasons or sync results where they apply.</summary>
/// <param name="Error">The error.</param>
/// <param name="Reasons">Why the service is not ready (<c>/readyz</c> only).</param>
/// <param name="Results">The failed sync's result (<c>/v1/sync</c> only).</param>
internal sealed record ErrorResponse(
    ErrorBody Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Reasons = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SyncResult>? Results = null);
