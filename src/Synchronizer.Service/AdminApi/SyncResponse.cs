using Synchronizer.Service.Sync;

namespace Synchronizer.Service.AdminApi;

/// <summary>The body of <c>POST /v1/sync/{entity_type}</c>, as <c>sync</c> (CONTRACT §4).</summary>
/// <param name="Results">One result per type synchronized.</param>
internal sealed record SyncResponse(IReadOnlyList<SyncResult> Results);
