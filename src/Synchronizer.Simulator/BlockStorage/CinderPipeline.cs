using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// The steps of a cinder API call: request id, keystonemiddleware (401), microversion (400/406), the
/// project in the URL (400 "Malformed request url" when it is not the token's), then the controller.
/// </summary>
internal sealed class CinderPipeline
{
    private readonly ServiceAuthenticator _authenticator;

    public CinderPipeline(ServiceAuthenticator authenticator)
    {
        _authenticator = authenticator;
    }

    public async Task RunAsync(HttpContext context, Func<CinderRequest, Task> handler)
    {
        var requestId = RequestUrls.NewRequestId();
        context.Response.Headers["x-openstack-request-id"] = requestId;
        if (_authenticator.Authenticate(context) is not { } token)
        {
            await ServiceAuthenticator.RejectAsync(context);
            return;
        }

        ApiVersion version;
        try
        {
            version = CinderMicroversions.Negotiate(context.Request.Headers);
        }
        catch (CinderFaultException e)
        {
            await CinderFaults.WriteAsync(context, e.Status, e.Message);
            return;
        }

        CinderMicroversions.SetResponseHeaders(context.Response, version);
        context.Response.Headers["x-compute-request-id"] = requestId;
        try
        {
            if (context.GetRouteValue("project_id") is string project && project != token.Project.Id)
            {
                throw new CinderFaultException("Malformed request url");
            }

            await handler(new CinderRequest(context, token, version, RequestUrls.Base(context.Request)));
        }
        catch (CinderFaultException e)
        {
            await CinderFaults.WriteAsync(context, e.Status, e.Message);
        }
    }
}
