using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>Issues opaque random tokens and keeps them server-side until they expire or are revoked.</summary>
internal sealed class TokenStore
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public TokenStore(SimulatorOptions options)
    {
        _lifetime = options.TokenLifetime;
        _time = options.TimeProvider;
    }

    public int Count => _tokens.Count;

    public IssuedToken Issue(AuthRequest request)
    {
        if (_tokens.Count > PruneThreshold)
        {
            PruneExpired();
        }

        // Fernet tokens carry whole seconds, so keystone's issued_at/expires_at end in ".000000Z".
        var now = _time.GetUtcNow();
        var issuedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var token = new IssuedToken(NewTokenId(), request.User, request.Project, [request.Method], NewAuditId(), issuedAt, issuedAt + _lifetime)
        {
            ApplicationCredential = request.ApplicationCredential,
        };
        _tokens[token.Id] = token;
        return token;
    }

    /// <summary>The token if it exists and has not expired; null otherwise.</summary>
    public IssuedToken? Validate(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_tokens.TryGetValue(id, out var token))
        {
            return null;
        }

        if (token.ExpiresAt > _time.GetUtcNow())
        {
            return token;
        }

        _tokens.TryRemove(id, out _);
        return null;
    }

    public bool Revoke(string id) => _tokens.TryRemove(id, out _);

    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }

    private void PruneExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, token) in _tokens)
        {
            if (token.ExpiresAt <= now)
            {
                _tokens.TryRemove(id, out _);
            }
        }
    }

    // A Fernet token is "gAAAAAB" plus about 176 URL-safe base64 characters; clients treat it as opaque,
    // but a realistic length keeps header sizes honest.
    private static string NewTokenId() => "gAAAAAB" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(132));

    private static string NewAuditId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
