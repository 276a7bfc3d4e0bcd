using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>What <c>check-config</c> and <c>serve</c> do first: read the configuration files and validate the result.</summary>
internal static class ConfigurationCheck
{
    /// <summary>Reads <c>--config-file</c> and <c>--config-dir</c>, then the environment, and validates everything.</summary>
    /// <param name="files">The <c>--config-file</c> values, in order.</param>
    /// <param name="dirs">The <c>--config-dir</c> values, in order.</param>
    /// <returns>The configuration, or <see langword="null"/> when a file cannot be read; and the report.</returns>
    public static (IConfigurationRoot? Configuration, ConfigurationReport Report) Run(IEnumerable<string> files, IEnumerable<string> dirs)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = SynchronizerConfigurationBuilder.Build(files, dirs);
        }
        catch (ConfigurationFileException ex)
        {
            // The message names the file, the line and the fix; nothing else can be checked without it.
            return (null, ConfigurationReport.Failed(new ConfigurationProblem(string.Empty, string.Empty, ex.Message, string.Empty)));
        }

        return (configuration, ConfigurationValidator.Validate(configuration));
    }

    /// <summary>Writes one line per problem, then <paramref name="conclusion"/> with the count.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="report">An invalid report.</param>
    /// <param name="conclusion">The last line's start, for example <c>configuration invalid</c>.</param>
    /// <returns>A task that completes when everything is written.</returns>
    public static async Task WriteProblemsAsync(TextWriter error, ConfigurationReport report, string conclusion)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var problem in report.Problems)
        {
            await error.WriteLineAsync(problem.ToString());
        }

        var count = report.Problems.Count;
        await error.WriteLineAsync($"{conclusion}: {count} problem{(count == 1 ? string.Empty : "s")}");
    }
}
