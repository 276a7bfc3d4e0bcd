using System.CommandLine;
using System.Reflection;
using Synchronizer.Service.Commands;

var root = new RootCommand("The OpenStack entity synchronizer: polls OpenStack APIs and publishes every change on RabbitMQ.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(GenConfigCommand.Create());
var version = new Command("version", "Print the version.");
version.SetAction(_ =>
{
    var informational = typeof(ServeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
    Console.WriteLine($"synchronizer {informational ?? "unknown"}");
    return ExitCodes.Ok;
});
root.Subcommands.Add(version);
return await root.Parse(args).InvokeAsync();
