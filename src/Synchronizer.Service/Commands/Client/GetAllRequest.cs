namespace Synchronizer.Service.Commands.Client;

/// <summary>What <c>synchronizer get-all</c> was asked.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Output"><see cref="SnapshotOutput.Table"/> or <see cref="SnapshotOutput.JsonLines"/>; <see langword="null"/> for the default (JSON lines when standard output is redirected).</param>
/// <param name="Limit">The most entities to print; <see langword="null"/> for all.</param>
/// <param name="PageSize">The <c>limit</c> of each <c>get_all</c> call, 1 to 5000.</param>
/// <param name="ProjectId">Only the entities of this project; <see langword="null"/> for all.</param>
internal sealed record GetAllRequest(string EntityType, SnapshotOutput? Output, int? Limit, int PageSize, string? ProjectId);
