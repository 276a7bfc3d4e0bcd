namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// The real OpenStack the tier runs against, from the variables <c>eval "$(scripts/realstack env)"</c>
/// exports (scripts/functional-real does it). A missing variable fails the test that needs it: the
/// RealCloud category never passes without a cloud.
/// </summary>
internal sealed record RealCloudEnvironment(
    string AuthUrl,
    CloudCredentials Admin,
    CloudCredentials Demo,
    string UserDomainName,
    string ProjectDomainName,
    string RegionName,
    string Interface,
    string NotificationsTransportUrl)
{
    private static readonly Lazy<RealCloudEnvironment> Read = new(FromProcess);

    /// <summary>Gets the cloud of this process's environment.</summary>
    /// <exception cref="InvalidOperationException">A variable is missing; the message names every missing one.</exception>
    public static RealCloudEnvironment Current => Read.Value;

    // Records print their members; the transport URL and the credentials hold passwords.
    public override string ToString() => $"{AuthUrl} as {Admin}";

    private static RealCloudEnvironment FromProcess()
    {
        var missing = new List<string>();
        string Need(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                missing.Add(name);
            }

            return value ?? string.Empty;
        }

        var environment = new RealCloudEnvironment(
            Need("OS_AUTH_URL"),
            new CloudCredentials(Need("OS_USERNAME"), Need("OS_PASSWORD"), Need("OS_PROJECT_NAME")),
            new CloudCredentials(Need("REALSTACK_DEMO_USERNAME"), Need("REALSTACK_DEMO_PASSWORD"), Need("REALSTACK_DEMO_PROJECT")),
            Need("OS_USER_DOMAIN_NAME"),
            Need("OS_PROJECT_DOMAIN_NAME"),
            Need("OS_REGION_NAME"),
            Environment.GetEnvironmentVariable("OS_INTERFACE") is { Length: > 0 } iface ? iface : "public",
            Need("REALSTACK_TRANSPORT_URL"));

        // Only names: the values hold passwords.
        return missing.Count == 0
            ? environment
            : throw new InvalidOperationException(
                $"The real-cloud tests need {string.Join(", ", missing)}: run them through scripts/functional-real, " +
                "or export the variables with eval \"$(scripts/realstack env)\" against a running stack.");
    }
}
