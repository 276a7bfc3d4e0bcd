using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>An authenticated heat request; heat has no microversions.</summary>
internal sealed record HeatRequest(HttpContext Context, IssuedToken Token, string BaseUrl)
{
    /// <summary>heat's request.path_url for the stack collection: the tenant of the URL, which heat checked.</summary>
    public string StacksUrl => BaseUrl + "/orchestration/v1/" + (string)Context.GetRouteValue("project_id")! + "/stacks";

    public string StackUrl(StackRecord stack) => StackViewWriter.StackUrl(BaseUrl, stack);
}
