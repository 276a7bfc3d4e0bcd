using System.Net;
using System.Net.Http.Headers;
using Synchronizer.Simulator.Faults;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// What a full run goes through, so that every place that logs gets something to log: start-up polls
/// of every type, the admin API with a wrong, a missing and the right token, on-demand syncs, a token
/// Keystone revoked (a 401, then a new token), Keystone refusing the credentials, failed polls, the RPC
/// methods and their errors, the push path with real and poison notifications.
/// </summary>
internal static partial class ScanScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <param name="run">The run: simulator, proxy, names and secrets.</param>
    /// <param name="describe">The service's recent output, secrets masked, for a failure message.</param>
    public static async Task RunAsync(ScanRun run, Func<string> describe)
    {
        using var admin = new HttpClient { BaseAddress = run.AdminApi, Timeout = Patience };
        await WaitUntilReadyAsync(admin, run, describe);
        await ExerciseAdminApiAsync(admin, run);
        await RevokeTokensAsync(admin, run);
        await FailPollsAsync(admin, run);
        await ExerciseRpcAsync(run);
        await ExercisePushPathAsync(run, describe);
    }

    // /readyz answers 200 once the bus is connected and every type has been polled at start-up.
    private static async Task WaitUntilReadyAsync(HttpClient admin, ScanRun run, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Patience;
        var status = HttpStatusCode.ServiceUnavailable;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                status = await SendAsync(admin, HttpMethod.Get, "readyz", run.Secrets.AdminToken);
                if (status == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The service was not ready within {Patience.TotalSeconds} s (last /readyz: {(int)status}). Its recent output:{Environment.NewLine}{describe()}");
    }

    private static async Task ExerciseAdminApiAsync(HttpClient admin, ScanRun run)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(admin, HttpMethod.Get, "v1/types", token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(admin, HttpMethod.Get, "v1/types", run.Secrets.WrongAdminToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(admin, HttpMethod.Post, "v1/sync/nova.instance", run.Secrets.WrongAdminToken));
        foreach (var path in (string[])["healthz", "readyz", "v1/types", "metrics"])
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Get, path, run.Secrets.AdminToken));
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Post, "v1/sync/nova.instance", run.Secrets.AdminToken));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(admin, HttpMethod.Post, "v1/sync/no.such", run.Secrets.AdminToken));
    }

    // Keystone forgets every token: the next call gets a 401, and the service authenticates again.
    // Then Keystone refuses the password once: that poll fails with the credentials named, not shown.
    private static async Task RevokeTokensAsync(HttpClient admin, ScanRun run)
    {
        var issued = run.Proxy.IssuedTokens.Count;
        await run.Simulator.Control.RevokeTokensAsync();
        Assert.Equal(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Post, "v1/sync/cinder.volume", run.Secrets.AdminToken));
        Assert.True(run.Proxy.IssuedTokens.Count > issued, "The service did not authenticate again after its token was revoked.");

        await run.Simulator.Control.InjectFaultAsync(new FaultRule("status", Service: "identity", PathContains: "auth/tokens", Method: "POST", Status: 401));
        await run.Simulator.Control.RevokeTokensAsync();
        Assert.NotEqual(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Post, "v1/sync/heat.stack", run.Secrets.AdminToken));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Post, "v1/sync/heat.stack", run.Secrets.AdminToken));
    }

    private static async Task FailPollsAsync(HttpClient admin, ScanRun run)
    {
        await run.Simulator.Control.InjectFaultAsync(new FaultRule("status", Service: "compute", PathContains: "/servers/detail", Times: null));
        Assert.Equal(HttpStatusCode.BadGateway, await SendAsync(admin, HttpMethod.Post, "v1/sync/nova.instance", run.Secrets.AdminToken));
        await run.Simulator.Control.ClearFaultsAsync();

        await run.Simulator.Control.InjectFaultAsync(new FaultRule("malformed_json", Service: "volume", PathContains: "/volumes/detail"));
        Assert.NotEqual(HttpStatusCode.OK, await SendAsync(admin, HttpMethod.Post, "v1/sync/cinder.volume", run.Secrets.AdminToken));
        await run.Simulator.Control.ClearFaultsAsync();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient admin, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await admin.SendAsync(request);
        return response.StatusCode;
    }
}
