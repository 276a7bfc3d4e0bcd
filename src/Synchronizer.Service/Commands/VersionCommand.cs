using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Synchronizer.Service.Commands;

/// <summary><c>synchronizer version</c>: the informational version (with the commit it was built from) and the runtime.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of the synchronizer (with the commit it was built from) and of the .NET runtime it runs on.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(Text());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>For example <c>synchronizer 1.0.0+52aab6f (.NET 10.0.0, linux-x64)</c>.</summary>
    public static string Text()
    {
        var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return $"synchronizer {informational ?? "unknown"} ({RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})";
    }
}
