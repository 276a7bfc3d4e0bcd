using System.Security.Cryptography;
using System.Text;

namespace Synchronizer.Simulator.Identity;

/// <summary>
/// Keystone ids are 32 lower-case hex digits without dashes (fixtures SOURCES.md). They are derived
/// from the names here, so the same configuration gives the same ids on every start.
/// </summary>
internal static class KeystoneIds
{
    public static string For(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + name));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
