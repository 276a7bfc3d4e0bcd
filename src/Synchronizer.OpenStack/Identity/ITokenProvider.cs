namespace Synchronizer.OpenStack.Identity;

/// <summary>Hands out a valid Keystone token, renewing it before it expires.</summary>
public interface ITokenProvider
{
    /// <summary>Gets a token that is valid for a while yet, authenticating when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token and its catalog.</returns>
    /// <exception cref="OpenStackException">Keystone refused the credentials or could not be reached.</exception>
    ValueTask<KeystoneToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="rejected"/> after a service answered 401 with it, so the next call re-authenticates.</summary>
    /// <param name="rejected">The token the service refused.</param>
    void Invalidate(KeystoneToken rejected);
}
