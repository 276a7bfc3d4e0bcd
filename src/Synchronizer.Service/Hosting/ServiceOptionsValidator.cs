using Microsoft.Extensions.Options;

namespace Synchronizer.Service.Hosting;

/// <summary>Checks the process options of <c>[DEFAULT]</c> at start-up.</summary>
internal sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.GracefulShutdownTimeout is < 1 or > ServiceOptions.MaxGracefulShutdownTimeout
            ? ValidateOptionsResult.Fail(
                $"[{ServiceOptions.SectionName}] graceful_shutdown_timeout = {options.GracefulShutdownTimeout} is out of range: write a number of seconds from 1 to {ServiceOptions.MaxGracefulShutdownTimeout}, for example 90.")
            : ValidateOptionsResult.Success;
    }
}
