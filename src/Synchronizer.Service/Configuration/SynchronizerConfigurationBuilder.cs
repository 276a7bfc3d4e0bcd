using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration;

/// <summary>
/// Builds the configuration as oslo.config does: <c>--config-file</c> files in order (later wins),
/// then the <c>*.conf</c> files of <c>--config-dir</c> in name order, then environment variables
/// <c>SYNCHRONIZER__&lt;SECTION&gt;__&lt;KEY&gt;</c>.
/// </summary>
internal static class SynchronizerConfigurationBuilder
{
    public const string EnvironmentPrefix = "SYNCHRONIZER__";

    public static IConfigurationRoot Build(IEnumerable<string> configFiles, IEnumerable<string> configDirs)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in configFiles)
        {
            builder.Add(new OsloIniConfigurationSource(Path.GetFullPath(file)));
        }

        foreach (var dir in configDirs)
        {
            if (!Directory.Exists(dir))
            {
                throw new ConfigurationFileException($"Configuration directory {dir} does not exist: check --config-dir.");
            }

            foreach (var file in Directory.GetFiles(dir, "*.conf").Order(StringComparer.Ordinal))
            {
                builder.Add(new OsloIniConfigurationSource(Path.GetFullPath(file)));
            }
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return builder.Build();
    }
}
