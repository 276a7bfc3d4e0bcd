using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>
/// The steps of a heat API call: request id, keystonemiddleware (401), the tenant of the URL (403 unless
/// it is the token's or the caller is admin, as heat's policy decorators check), then the controller.
/// </summary>
internal sealed class HeatPipeline
{
    private readonly ServiceAuthenticator _authenticator;

    public HeatPipeline(ServiceAuthenticator authenticator)
    {
        _authenticator = authenticator;
    }

    public async Task RunAsync(HttpContext context, Func<HeatRequest, Task> handler)
    {
        context.Response.Headers["x-openstack-request-id"] = RequestUrls.NewRequestId();
        if (_authenticator.Authenticate(context) is not { } token)
        {
            await ServiceAuthenticator.RejectAsync(context);
            return;
        }

        try
        {
            if (context.GetRouteValue("project_id") is string project && project != token.Project.Id && !token.IsAdmin)
            {
                throw HeatFaultException.Forbidden();
            }

            await handler(new HeatRequest(context, token, RequestUrls.Base(context.Request)));
        }
        catch (HeatFaultException e)
        {
            await HeatErrors.WriteAsync(context, e);
        }
    }
}
