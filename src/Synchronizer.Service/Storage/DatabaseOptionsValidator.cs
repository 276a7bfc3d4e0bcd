using System.Globalization;
using Microsoft.Extensions.Options;

namespace Synchronizer.Service.Storage;

/// <summary>Checks <c>[database]</c> at start-up, so a bad value stops the service before any poll.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!DatabaseConnection.TryParse(options.Connection, out _, out var error))
        {
            failures.Add(error);
        }

        if (options.ChangeLogRetention < 1)
        {
            var retention = options.ChangeLogRetention.ToString(CultureInfo.InvariantCulture);
            failures.Add($"[database] change_log_retention = {retention} must be at least 1: write for example 100000 (the default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
