using System.CommandLine;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

var console = CliConsole.FromSystemConsole();
var root = new RootCommand("The OpenStack entity synchronizer: polls OpenStack APIs and publishes every change on RabbitMQ.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(CheckConfigCommand.Create());
root.Subcommands.Add(GenConfigCommand.Create());

// These speak RPC to a running service, through the transport_url of the same configuration as serve.
root.Subcommands.Add(StatusCommand.Create(console, TimeProvider.System));
root.Subcommands.Add(SyncCommand.Create(console));
root.Subcommands.Add(GetAllCommand.Create(console));
root.Subcommands.Add(WatchCommand.Create(console, TimeProvider.System));
root.Subcommands.Add(VersionCommand.Create());
ExamplesHelp.Install(root);
return await root.Parse(args).InvokeAsync();
