namespace Synchronizer.Service.Commands.Client;

/// <summary>What <c>synchronizer sync</c> was asked.</summary>
/// <param name="EntityType">The type to poll; <see langword="null"/> for every type.</param>
/// <param name="Wait">Whether to wait for the polls (<c>--no-wait</c> clears it).</param>
/// <param name="Json">Whether to print JSON instead of a table.</param>
internal sealed record SyncRequest(string? EntityType, bool Wait, bool Json);
