using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// hostId hides the compute host per project: nova hashes project id + host name. It uses SHA-224,
/// which .NET lacks; SHA-256 cut to the same 56 hex digits looks the same to every client, since none
/// can know the host name to recompute it. Few (project, host) pairs exist, so they are cached.
/// </summary>
internal static class HostIds
{
    private static readonly ConcurrentDictionary<(string Project, string Host), string> Cache = new();

    public static string For(string projectId, string? host) =>
        host is null ? string.Empty : Cache.GetOrAdd((projectId, host), static key =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Project + key.Host)).AsSpan(0, 28)));
}
