using Synchronizer.Simulator.Cli;

return await SimulatorCommand.Create().Parse(args).InvokeAsync();
