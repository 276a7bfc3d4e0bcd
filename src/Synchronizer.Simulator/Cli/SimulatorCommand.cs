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
        var volumes = new Option<int>("--volumes") { Description = "Cinder volumes to create at start-up." };
        var stacks = new Option<int>("--stacks") { Description = "Heat stacks to create at start-up." };
        var hypervisors = new Option<int>("--hypervisors") { Description = "Compute nodes (sim-compute-N, zone nova) to create at start-up.", DefaultValueFactory = _ => SimulatorDefaults.Hypervisors };
        var projects = new Option<int>("--projects") { Description = "Projects the seeded servers, volumes and stacks are spread over; the first is the admin project.", DefaultValueFactory = _ => 1 };
        var notificationsUrl = new Option<string?>("--notifications-url") { Description = "oslo transport_url (rabbit://user:pass@host:port/vhost) to publish nova, cinder and heat notifications to." };
        var applicationCredentials = new Option<string[]>("--application-credential")
        {
            Description = "An application credential keystone accepts, ID:SECRET or ID:SECRET:USER (admin or demo user); repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var churn = new Option<double>("--churn") { Description = "Random changes per second (updates, creates, deletes); 0 for none." };
        var maxLimit = new Option<int>("--max-limit") { Description = "Largest page of a list call (nova's [api] max_limit).", DefaultValueFactory = _ => SimulatorDefaults.MaxLimit };
        var tokenLifetime = new Option<int>("--token-lifetime") { Description = "Token lifetime in seconds.", DefaultValueFactory = _ => SimulatorDefaults.TokenLifetimeSeconds };
        var username = new Option<string>("--username") { Description = "Admin user name.", DefaultValueFactory = _ => SimulatorDefaults.Username };
        var password = new Option<string>("--password") { Description = "Admin password.", DefaultValueFactory = _ => SimulatorDefaults.Password };
        var project = new Option<string>("--project") { Description = "Admin project name.", DefaultValueFactory = _ => SimulatorDefaults.ProjectName };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random generator, for a repeatable cloud." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Log level; Debug logs one line per request.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new RootCommand(
            "Simulates OpenStack's Keystone, Nova, Cinder and Heat APIs on one port, laid out like devstack (/identity, /compute, /volume, /orchestration), "
            + "with a /control API to seed, change and break it, and the services' notifications on RabbitMQ.")
        {
            port, host, servers, volumes, stacks, hypervisors, projects, churn, maxLimit, tokenLifetime, username, password, project,
            applicationCredentials, notificationsUrl, seed, logLevel,
        };
        command.SetAction((result, ct) =>
        {
            var options = new SimulatorOptions
            {
                Port = result.GetValue(port),
                Host = result.GetValue(host)!,
                SeedServers = result.GetValue(servers),
                SeedProjects = result.GetValue(projects),
                SeedVolumes = result.GetValue(volumes),
                SeedStacks = result.GetValue(stacks),
                SeedHypervisors = result.GetValue(hypervisors),
                NotificationsTransportUrl = result.GetValue(notificationsUrl),
                ApplicationCredentials = [.. (result.GetValue(applicationCredentials) ?? []).Select(ParseCredential)],
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

    // ID:SECRET[:USER]; a malformed value reaches Validate as an empty secret and is reported there.
    private static SimulatorApplicationCredential ParseCredential(string value)
    {
        var parts = value.Split(':', 3);
        return new SimulatorApplicationCredential(parts[0], parts.Length > 1 ? parts[1] : string.Empty, parts.Length > 2 ? parts[2] : null);
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
