using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// The steps every nova API call goes through, in nova's paste order: request id, then
/// keystonemiddleware (401), then microversion negotiation (400/406), then the controller, whose
/// faults are written as nova's wsgi.Fault does.
/// </summary>
internal sealed class NovaPipeline
{
    private readonly ServiceAuthenticator _authenticator;

    public NovaPipeline(ServiceAuthenticator authenticator)
    {
        _authenticator = authenticator;
    }

    public async Task RunAsync(HttpContext context, Func<NovaRequest, Task> handler)
    {
        var requestId = RequestUrls.NewRequestId();
        context.Response.Headers["x-openstack-request-id"] = requestId;
        context.Response.Headers["x-compute-request-id"] = requestId;
        if (_authenticator.Authenticate(context) is not { } token)
        {
            await ServiceAuthenticator.RejectAsync(context);
            return;
        }

        ApiVersion version;
        try
        {
            version = ComputeMicroversions.Negotiate(context.Request.Headers);
        }
        catch (NovaFaultException e)
        {
            // Without a valid version nova has none to echo, so the headers are left out.
            await NovaFaults.WriteAsync(context, e.Status, e.Message);
            return;
        }

        ComputeMicroversions.SetResponseHeaders(context.Response, version);
        try
        {
            await handler(new NovaRequest(context, token, version, RequestUrls.Base(context.Request)));
        }
        catch (NovaFaultException e)
        {
            await NovaFaults.WriteAsync(context, e.Status, e.Message);
        }
    }
}
