namespace Synchronizer.OpenStack.Credentials;

/// <summary>One cloud of <c>clouds.yaml</c> (with <c>secure.yaml</c> merged), flattened to keystoneauth keys.</summary>
/// <param name="Name">The cloud's name.</param>
/// <param name="Path">The <c>clouds.yaml</c> it came from.</param>
/// <param name="Values">The values by key (<c>auth_url</c>, <c>region_name</c> …); the <c>auth</c> mapping wins over top-level keys.</param>
/// <param name="Profile">The vendor profile the entry names, which is not read; <see langword="null"/> when none.</param>
internal sealed record CloudEntry(string Name, string Path, IReadOnlyDictionary<string, string> Values, string? Profile);
