using System.Security.Cryptography;
using System.Text;

namespace Synchronizer.Service.AdminApi;

/// <summary>Checks an <c>Authorization</c> header against the configured admin token, in constant time.</summary>
internal sealed class BearerToken
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _expectedHash;

    /// <summary>Initializes a new instance of the <see cref="BearerToken"/> class.</summary>
    /// <param name="token">The configured token; never logged.</param>
    public BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Tells whether an <c>Authorization</c> header carries the token.</summary>
    /// <param name="authorization">The header value; <see langword="null"/> when absent.</param>
    /// <returns><see langword="true"/> when it is <c>Bearer &lt;token&gt;</c>.</returns>
    public bool Accepts(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Both sides are hashed first, so neither the comparison time nor an early length mismatch
        // tells an attacker how much of the token they guessed right.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString()));
        return CryptographicOperations.FixedTimeEquals(presented, _expectedHash);
    }
}
