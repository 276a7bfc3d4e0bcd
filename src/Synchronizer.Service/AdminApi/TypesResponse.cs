namespace Synchronizer.Service.AdminApi;

/// <summary>The body of <c>GET /v1/types</c>, as <c>list_types</c> (CONTRACT §4).</summary>
/// <param name="Types">One entry per enabled type, in name order.</param>
internal sealed record TypesResponse(IReadOnlyList<EntityTypeSummary> Types);
