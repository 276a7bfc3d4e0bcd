using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Runs the options validators exactly as the host does at start-up (<see cref="IStartupValidator"/>,
/// which every <c>ValidateOnStart</c> registration feeds), so that <c>check-config</c> applies every
/// project's and plugin's rules without repeating them.
/// </summary>
internal static partial class StartupValidation
{
    /// <summary>Validates every options class registered with <c>ValidateOnStart</c>.</summary>
    /// <param name="services">The services of a host built from the configuration.</param>
    /// <returns>One problem per failure of every options class.</returns>
    public static IReadOnlyList<ConfigurationProblem> Run(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ProblemsOf(ex)];
        }
        catch (AggregateException ex)
        {
            return [.. ex.InnerExceptions.SelectMany(e => e is OptionsValidationException failed ? ProblemsOf(failed) : [Unexpected(e)])];
        }
        catch (InvalidOperationException ex)
        {
            // The binder could not convert a value of an options class check-config does not know (a
            // plugin's); it stops the validation there, as it would stop the host.
            return [Unexpected(ex)];
        }
    }

    private static IEnumerable<ConfigurationProblem> ProblemsOf(OptionsValidationException failed)
    {
        var section = failed.OptionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? failed.OptionsType.Name;
        return failed.Failures.Select(f => ConfigurationProblem.Parse(f, section));
    }

    // "Failed to convert configuration value at 'acme:page_size' to type 'System.Int32'."
    private static ConfigurationProblem Unexpected(Exception exception)
    {
        var path = BinderPath().Match(exception.Message);
        var (section, key) = path.Success ? (path.Groups["section"].Value, path.Groups["key"].Value) : (string.Empty, string.Empty);
        return new ConfigurationProblem(section, key, exception.Message.TrimEnd('.'), string.Empty);
    }

    [GeneratedRegex("at '(?<section>[^':]+):(?<key>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderPath();
}
