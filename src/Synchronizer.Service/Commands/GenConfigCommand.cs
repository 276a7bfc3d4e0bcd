using System.CommandLine;
using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Commands;

/// <summary><c>synchronizer genconfig</c>: writes the sample configuration (used by scripts/genconfig).</summary>
internal static class GenConfigCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output") { Description = "Write the sample here instead of standard output." };
        var command = new Command("genconfig", "Print the sample configuration: every option with its help and default.");
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sample = SampleConfigWriter.Write(KnownOptions.OptionsTypes(), KnownOptions.EntityTypes());
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, sample, cancellationToken);
            }
            else
            {
                await Console.Out.WriteAsync(sample);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
