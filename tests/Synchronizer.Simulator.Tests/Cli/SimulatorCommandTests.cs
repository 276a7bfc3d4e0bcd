using System.CommandLine;
using Synchronizer.Simulator.Cli;

namespace Synchronizer.Simulator.Tests.Cli;

public sealed class SimulatorCommandTests
{
    [Fact]
    public async Task InvokeAsync_Help_ListsTheOptions()
    {
        using var output = new StringWriter();

        var exitCode = await SimulatorCommand.Create().Parse("--help").InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--port", "--host", "--servers", "--projects", "--churn", "--max-limit", "--token-lifetime", "--username", "--password", "--project",
            "--volumes", "--stacks", "--hypervisors", "--notifications-url", "--application-credential" })
        {
            Assert.Contains(option, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvokeAsync_Serve_PrintsOneLineWithUrlsAndServesUntilCancelled()
    {
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = SimulatorCommand.Create().Parse("--port 0 --servers 3").InvokeAsync(new InvocationConfiguration { Output = output }, stop.Token);

        var line = await WaitForLineAsync(output);
        var baseUrl = line.Split(' ')[3];
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var status = await http.GetStringAsync(new Uri("control/status", UriKind.Relative));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Matches(@"^synchronizer-simulator listening on http://127\.0\.0\.1:\d+/ \(identity http://127\.0\.0\.1:\d+/identity/v3\)$", line);
        Assert.Contains("\"servers\":3", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SeedOptions_SeedEveryService()
    {
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = SimulatorCommand.Create()
            .Parse("--port 0 --servers 2 --volumes 3 --stacks 4 --hypervisors 5 --application-credential abc:s3cret:demo")
            .InvokeAsync(new InvocationConfiguration { Output = output }, stop.Token);

        var baseUrl = (await WaitForLineAsync(output)).Split(' ')[3];
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var status = await http.GetStringAsync(new Uri("control/status", UriKind.Relative));
        using var token = await http.PostAsync(
            new Uri("identity/v3/auth/tokens", UriKind.Relative),
            new StringContent("""{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "abc", "secret": "s3cret"}}}}""", System.Text.Encoding.UTF8, "application/json"));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("\"servers\":2,\"volumes\":3,\"stacks\":4,\"hypervisors\":5", status, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Created, token.StatusCode);
    }

    [Theory]
    [InlineData("--port 0 --max-limit 0")]
    [InlineData("--port 0 --notifications-url amqp://localhost")]
    public async Task InvokeAsync_InvalidOption_ExitsWith2(string args)
    {
        using var error = new StringWriter();

        var exitCode = await SimulatorCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("synchronizer-simulator: ", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForLineAsync(StringWriter output)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var text = output.ToString();
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                return text.TrimEnd();
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The simulator printed nothing.");
    }
}
