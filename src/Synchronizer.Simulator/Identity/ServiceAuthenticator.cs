namespace Synchronizer.Simulator.Identity;

/// <summary>
/// What keystonemiddleware's auth_token filter does in front of nova, cinder and heat: every request
/// needs a valid, unexpired X-Auth-Token, or it ends in a 401 before the service sees it.
/// </summary>
internal sealed class ServiceAuthenticator
{
    private readonly TokenStore _tokens;

    public ServiceAuthenticator(TokenStore tokens)
    {
        _tokens = tokens;
    }

    public IssuedToken? Authenticate(HttpContext context) => _tokens.Validate(context.Request.Headers["X-Auth-Token"]);

    public static Task RejectAsync(HttpContext context) => KeystoneErrors.WriteServiceUnauthorizedAsync(context);
}
