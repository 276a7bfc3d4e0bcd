using System.CommandLine;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Cli;

/// <summary>The <c>synchronizer-simulator</c> command line: options map one to one onto <see cref="SimulatorOptions"/>.</summary>
internal static class SimulatorCommand
{
    public static RootCommand Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on; 0 picks a free one.", DefaultValueFactory = _ => SimulatorDefaults.CommandLinePort };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => SimulatorDefaults.Host };
        var servers = new Option<int>("--servers") { Description = "Servers to create at start-up." };
        var projects = new Option<int>("--projects") { Description = "Projects the seeded servers are spread over; the first is the admin project.", DefaultValueFactory = _ => 1 };
        var churn = new Option<double>("--churn") { Description = "Random changes per second (updates, creates, deletes); 0 for none." };
        var maxLimit = new Option<int>("--max-limit") { Description = "Largest page of a list call (nova's [api] max_limit).", DefaultValueFactory = _ => SimulatorDefaults.MaxLimit };
        var tokenLifetime = new Option<int>("--token-lifetime") { Description = "Token lifetime in seconds.", DefaultValueFactory = _ => SimulatorDefaults.TokenLifetimeSeconds };
        var username = new Option<string>("--username") { Description = "Admin user name.", DefaultValueFactory = _ => SimulatorDefaults.Username };
        var password = new Option<string>("--password") { Description = "Admin password.", DefaultValueFactory = _ => SimulatorDefaults.Password };
        var project = new Option<string>("--project") { Description = "Admin project name.", DefaultValueFactory = _ => SimulatorDefaults.ProjectName };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random generator, for a repeatable cloud." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Log level; Debug logs one line per request.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new RootCommand("Simulates OpenStack's Keystone and Nova APIs on one port, laid out like devstack (/identity, /compute), with a /control API to seed, change and break it.")
        {
            port, host, servers, projects, churn, maxLimit, tokenLifetime, username, password, project, seed, logLevel,
        };
        command.SetAction((result, ct) =>
        {
            var options = new SimulatorOptions
            {
                Port = result.GetValue(port),
                Host = result.GetValue(host)!,
                SeedServers = result.GetValue(servers),
                SeedProjects = result.GetValue(projects),
                ChurnPerSecond = result.GetValue(churn),
                MaxLimit = result.GetValue(maxLimit),
                TokenLifetime = TimeSpan.FromSeconds(result.GetValue(tokenLifetime)),
                Username = result.GetValue(username)!,
                Password = result.GetValue(password)!,
                ProjectName = result.GetValue(project)!,
                RandomSeed = result.GetValue(seed),
            };
            return RunAsync(options, result.GetValue(logLevel), result.InvocationConfiguration, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(SimulatorOptions options, LogLevel level, InvocationConfiguration console, CancellationToken ct)
    {
        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(options, logging => ConfigureLogging(logging, level), ct);
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync("synchronizer-simulator: " + e.Message);
            return 2;
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use" and the like: say it in one line, not a stack trace.
            await console.Error.WriteLineAsync("synchronizer-simulator: " + e.Message);
            return 1;
        }

        await using (server)
        {
            await console.Output.WriteLineAsync($"synchronizer-simulator listening on {server.BaseAddress} (identity {server.IdentityUrl})");
            try
            {
                // Ctrl-C and SIGTERM cancel the token; the server is then disposed and the process exits.
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.SetMinimumLevel(level);
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
    }
}
