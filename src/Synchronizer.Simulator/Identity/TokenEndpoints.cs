using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary><c>/identity/v3/auth/tokens</c>: issue (POST), validate (GET, HEAD) and revoke (DELETE).</summary>
internal sealed class TokenEndpoints
{
    private const string SubjectTokenHeader = "X-Subject-Token";

    private readonly AuthRequestReader _reader;
    private readonly TokenStore _tokens;

    public TokenEndpoints(AuthRequestReader reader, TokenStore tokens)
    {
        _reader = reader;
        _tokens = tokens;
    }

    public async Task IssueAsync(HttpContext context)
    {
        IssuedToken token;
        try
        {
            using var body = await ReadBodyAsync(context);
            token = _tokens.Issue(_reader.Read(body.RootElement));
        }
        catch (KeystoneErrorException e)
        {
            await KeystoneErrors.WriteAsync(context, e.Status, e.Message);
            return;
        }

        // The token travels in X-Subject-Token, never in the body
        // (fixture keystone/api_samples/admin/auth-password-user-name-unscoped-response-HTTP.txt).
        SetCommonHeaders(context, token.Id);
        var includeCatalog = !context.Request.Query.ContainsKey("nocatalog");
        await JsonResponses.WriteAsync(
            context, StatusCodes.Status201Created, w => TokenBodyWriter.Write(w, token, RequestUrls.Base(context.Request), includeCatalog));
    }

    public Task ValidateAsync(HttpContext context)
    {
        if (_tokens.Validate(context.Request.Headers["X-Auth-Token"]) is null)
        {
            return KeystoneErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, KeystoneErrors.UnauthorizedMessage);
        }

        string subjectId = context.Request.Headers[SubjectTokenHeader].ToString();
        if (_tokens.Validate(subjectId) is not { } subject)
        {
            // An expired or revoked subject is simply not found (fixture keystone/errors/token-not-found-404.json).
            return KeystoneErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"Could not find token: {subjectId}.");
        }

        SetCommonHeaders(context, subject.Id);
        var includeCatalog = !context.Request.Query.ContainsKey("nocatalog");
        return JsonResponses.WriteAsync(
            context, StatusCodes.Status200OK, w => TokenBodyWriter.Write(w, subject, RequestUrls.Base(context.Request), includeCatalog));
    }

    public Task RevokeAsync(HttpContext context)
    {
        if (_tokens.Validate(context.Request.Headers["X-Auth-Token"]) is null)
        {
            return KeystoneErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, KeystoneErrors.UnauthorizedMessage);
        }

        string subjectId = context.Request.Headers[SubjectTokenHeader].ToString();
        if (!_tokens.Revoke(subjectId))
        {
            return KeystoneErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"Could not find token: {subjectId}.");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static void SetCommonHeaders(HttpContext context, string tokenId)
    {
        var headers = context.Response.Headers;
        headers[SubjectTokenHeader] = tokenId;
        headers.Vary = "X-Auth-Token";
        headers["x-openstack-request-id"] = RequestUrls.NewRequestId();
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            // Werkzeug's BadRequest text, which keystone passes through for a body it cannot parse.
            throw new KeystoneErrorException("The browser (or proxy) sent a request that this server could not understand.", e);
        }
    }
}
