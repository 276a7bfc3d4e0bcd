using Synchronizer.FunctionalTests.Infrastructure;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// Secrets never reach the output: a full run with every secret configured (the Keystone password, the
/// admin token, both transport URL passwords) and every secret it meets (each Keystone token it was
/// issued, a wrong admin token, tokens in RPC and notification contexts), then a scan of every line
/// for each secret in each spelling. Also <c>serve</c> and <c>check-config</c> refusing broken
/// configuration files full of secrets, and <c>serve</c> while the broker refuses its passwords.
/// </summary>
/// <remarks>
/// Two full runs: the real <c>synchronizer serve</c> process (stdout and stderr, at the level it ships
/// with), and the same host in-process at Trace, because the command has no option to log Debug.
/// A finding names the secret's kind, the spelling and the line, never the value.
/// </remarks>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class SecretsInLogsTests : IClassFixture<ScanBrokerUsers>
{
    private static readonly TimeSpan RefusalPatience = TimeSpan.FromSeconds(60);

    private readonly ScanBrokerUsers _users;
    private readonly ITestOutputHelper _output;

    public SecretsInLogsTests(ScanBrokerUsers users, ITestOutputHelper output)
    {
        _users = users;
        _output = output;
    }

    [Fact]
    public async Task Serve_FullRunWithEverySecret_NoSecretInAnyLineOfStdoutOrStderr()
    {
        await using var run = await ScanRun.StartAsync(_users);
        await using var service = RecordedServeProcess.Start(run.Directory, new Dictionary<string, string>(), "serve", "--config-file", run.ConfigFile);

        await ScanScenario.RunAsync(run, () => SecretScanner.Masked(service.Output.TakeLast(40), run.AllSecrets()));
        var exitCode = await service.StopAsync();

        AssertNoSecrets(run, service.Output);
        Assert.True(exitCode == 0, $"serve exited {exitCode} after SIGTERM. Its last lines:{Environment.NewLine}{SecretScanner.Masked(service.Output.TakeLast(40), run.AllSecrets())}");
    }

    [Fact]
    public async Task Host_FullRunAtTraceLevel_NoSecretInAnyLogEntry()
    {
        await using var run = await ScanRun.StartAsync(_users);
        await using var service = await RecordedInProcessHost.StartAsync(run.ConfigFile);

        await ScanScenario.RunAsync(run, () => SecretScanner.Masked(service.Output.TakeLast(40), run.AllSecrets()));
        await service.StopAsync();

        AssertNoSecrets(run, service.Output);
        Assert.Contains(service.Output, line => line.Text.StartsWith("Debug ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("check-config")]
    public async Task Refusal_ConfigurationLineWithoutEqualsSign_ExitCode2WithoutShowingTheLine(string command)
    {
        using var broken = new BrokenConfiguration();

        var (exitCode, output) = await RefuseAsync(broken, command, broken.WriteMalformedLine());

        AssertRefusedWithoutSecrets(broken, exitCode, output);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("check-config")]
    public async Task Refusal_InvalidValuesNextToSecrets_ExitCode2WithoutShowingThem(string command)
    {
        using var broken = new BrokenConfiguration();

        var (exitCode, output) = await RefuseAsync(broken, command, broken.WriteInvalidValues());

        AssertRefusedWithoutSecrets(broken, exitCode, output);
    }

    [Fact]
    public async Task Serve_BrokerRefusesBothPasswords_RetriesWithoutShowingThem()
    {
        using var broken = new BrokenConfiguration();
        var environment = new Dictionary<string, string> { ["OS_CLIENT_CONFIG_FILE"] = broken.CloudsYaml };
        await using var service = RecordedServeProcess.Start(broken.Directory, environment, "serve", "--config-file", broken.WriteRefusedByBroker());

        var refused = await service.WaitForLineAsync(line => line.Contains("ACCESS_REFUSED", StringComparison.Ordinal), RefusalPatience);
        var exitCode = await service.StopAsync();

        var findings = SecretScanner.Scan(service.Output, broken.Secrets);
        _output.WriteLine($"Broker refusal: {service.Output.Count} lines scanned for {broken.Secrets.Count} secrets, exit code {exitCode}.");
        Assert.True(refused, $"The broker's refusal never showed in the output:{Environment.NewLine}{SecretScanner.Masked(service.Output, broken.Secrets)}");
        Assert.True(findings.Count == 0, SecretScanner.Describe(findings, service.Output.Count));
    }

    private static async Task<(int ExitCode, IReadOnlyList<OutputLine> Output)> RefuseAsync(BrokenConfiguration broken, string command, string configFile)
    {
        var environment = new Dictionary<string, string> { ["OS_CLIENT_CONFIG_FILE"] = broken.CloudsYaml };
        await using var service = RecordedServeProcess.Start(broken.Directory, environment, command, "--config-file", configFile);
        var exitCode = await service.WaitForExitAsync(RefusalPatience);
        return (exitCode, service.Output);
    }

    private void AssertRefusedWithoutSecrets(BrokenConfiguration broken, int exitCode, IReadOnlyList<OutputLine> output)
    {
        var findings = SecretScanner.Scan(output, broken.Secrets);
        _output.WriteLine($"Refusal: exit code {exitCode}, {output.Count} lines scanned for {broken.Secrets.Count} secrets.");
        _output.WriteLine(SecretScanner.Masked(output, broken.Secrets));
        Assert.True(findings.Count == 0, SecretScanner.Describe(findings, output.Count));
        Assert.True(exitCode == 2, $"It exited {exitCode}, not 2 (invalid configuration). Its output:{Environment.NewLine}{SecretScanner.Masked(output, broken.Secrets)}");
    }

    private void AssertNoSecrets(ScanRun run, IReadOnlyList<OutputLine> output)
    {
        var secrets = run.AllSecrets();
        var findings = SecretScanner.Scan(output, secrets);
        var spellings = secrets.Sum(s => s.Forms().Count());
        _output.WriteLine($"Scanned {output.Count} lines for {secrets.Count} secrets ({run.Proxy.IssuedTokens.Count} Keystone tokens) in {spellings} spellings: {findings.Count} found.");

        // Controls: a scan of output that does not hold the run is worthless, and so is one without the tokens.
        Assert.True(run.Proxy.IssuedTokens.Count >= 3, $"Keystone issued {run.Proxy.IssuedTokens.Count} tokens; the run should have renewed its token at least twice.");
        Assert.True(
            SecretScanner.Scan(output, [new Secret("[DEFAULT] host", run.Host)]).Count > 0,
            $"The output never names this run's host {run.Host}: the scan is not reading the service's output.");
        Assert.True(findings.Count == 0, SecretScanner.Describe(findings, output.Count));
    }
}
