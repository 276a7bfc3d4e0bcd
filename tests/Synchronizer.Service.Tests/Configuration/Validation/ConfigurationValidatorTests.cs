using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Tests.Configuration.Validation;

/// <summary>One test per kind of bad configuration: each names its section, its key and a fix.</summary>
public sealed class ConfigurationValidatorTests : IDisposable
{
    private const string Valid = ConfigurationFiles.Valid;
    private readonly ConfigurationFiles _files = new();

    [Fact]
    public void Validate_MinimalDeployment_IsValidWithEveryBuiltInTypeEnabled()
    {
        var report = _files.Validate(Valid);

        Assert.True(report.IsValid, string.Join('\n', report.Problems));
        Assert.Equal(["cinder.volume", "heat.stack", "nova.host", "nova.instance", "nova.zone"], report.Types.Select(t => t.EntityType));
        Assert.Equal("5 entity types enabled: cinder.volume every 60 s, heat.stack every 60 s, nova.host every 60 s, nova.instance every 60 s, nova.zone every 300 s", report.Summary());
    }

    [Fact]
    public void Validate_UnknownSection_SuggestsTheNearestOne()
    {
        var problem = Single(Valid, "[nova.instanse]\ninterval = 30");

        Assert.Equal(("nova.instanse", string.Empty), (problem.Section, problem.Key));
        Assert.Equal("did you mean [nova.instance]?", problem.Fix);
    }

    [Fact]
    public void Validate_UnknownSectionNothingLikeIt_ListsTheSectionsRead()
    {
        var problem = Single(Valid, "[frobnicate]\nx = 1");

        Assert.Equal("is not a section this service reads", problem.Message);
        Assert.Contains("[service_credentials]", problem.Fix, StringComparison.Ordinal);
        Assert.Contains("[nova.instance]", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownKey_SuggestsTheNearestKeyOfItsSection()
    {
        var problem = Single(Valid, "[nova.instance]\nintervall = 30");

        Assert.Equal("[nova.instance] intervall: is not a key of [nova.instance]; did you mean interval?", problem.ToString());
    }

    [Fact]
    public void Validate_KeyInTheWrongSection_SaysWhereItBelongs()
    {
        var problem = Single(Valid, "[service_credentials]\ncontrol_exchange = nova");

        Assert.Equal(("service_credentials", "control_exchange"), (problem.Section, problem.Key));
        Assert.Equal("it belongs in [DEFAULT]", problem.Fix);
    }

    [Theory]
    [InlineData("htp:/x")]
    [InlineData("http://guest:guest@127.0.0.1:5672/")]
    [InlineData("rabbit://guest:guest@127.0.0.1:99999/")]
    [InlineData("rabbit://guest:guest@:5672/")]
    public void Validate_BadTransportUrl_NamesDefaultTransportUrl(string url)
    {
        var problem = Single(Valid, $"[DEFAULT]\ntransport_url = {url}");

        Assert.Equal(("DEFAULT", "transport_url"), (problem.Section, problem.Key));
        Assert.Contains("is not a RabbitMQ transport URL", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("write for example rabbit://", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNotificationTransportUrl_NamesItsSection()
    {
        var problem = Single(Valid, "[openstack_notifications]\ntransport_url = amqp:/nova-bus");

        Assert.Equal(("openstack_notifications", "transport_url"), (problem.Section, problem.Key));
    }

    [Theory]
    [InlineData("htp:/x")]
    [InlineData("keystone:5000/v3")]
    public void Validate_BadAuthUrl_NamesServiceCredentialsAuthUrl(string url)
    {
        var problem = Single(Valid, $"[service_credentials]\nauth_url = {url}");

        Assert.Equal(("service_credentials", "auth_url"), (problem.Section, problem.Key));
        Assert.Contains($"'{url}' is not an absolute http:// or https:// URL", problem.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5000/v3", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://db/state")]
    [InlineData("sqlite://relative.db")]
    public void Validate_BadDatabaseConnection_NamesDatabaseConnection(string url)
    {
        var problem = Single(Valid, $"[database]\nconnection = {url}");

        Assert.Equal(("database", "connection"), (problem.Section, problem.Key));
        Assert.Contains("sqlite:///var/lib/synchronizer/state.db", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[DEFAULT]\namqp_durable_queues = yes", "DEFAULT", "amqp_durable_queues", "'yes' is not a boolean; write true or false")]
    [InlineData("[nova.instance]\nenabled = maybe", "nova.instance", "enabled", "'maybe' is not a boolean; write true or false")]
    [InlineData("[heat]\nshow_nested = 1", "heat", "show_nested", "'1' is not a boolean; write true or false")]
    public void Validate_BadBoolean_NamesTheKey(string text, string section, string key, string expected)
    {
        var problem = Single(Valid, text);

        Assert.Equal((section, key), (problem.Section, problem.Key));
        Assert.EndsWith(expected, problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[nova]\npage_size = ten", "nova", "page_size", "'ten' is not a whole number; write for example 1000 (the default)")]
    [InlineData("[cinder]\npage_size = 0", "cinder", "page_size", "between 1 and 10000")]
    [InlineData("[DEFAULT]\nrpc_workers = lots", "DEFAULT", "rpc_workers", "'lots' is not a whole number; write for example 16 (the default)")]
    [InlineData("[service_credentials]\nrequest_timeout = 0", "service_credentials", "request_timeout", "between 1 and 3600 seconds")]
    [InlineData("[database]\nchange_log_retention = 1e5", "database", "change_log_retention", "'1e5' is not a whole number")]
    public void Validate_BadInteger_NamesTheKey(string text, string section, string key, string expected)
    {
        var problem = Single(Valid, text);

        Assert.Equal((section, key), (problem.Section, problem.Key));
        Assert.Contains(expected, problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1")]
    [InlineData("::1:9480")]
    public void Validate_BadAdminApiBind_NamesBind(string bind)
    {
        var problem = Single(Valid, $"[admin_api]\nbind = {bind}");

        Assert.Equal(("admin_api", "bind"), (problem.Section, problem.Key));
        Assert.Contains("address:port", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interval = 0", "interval", "'0' is not a whole number of seconds >= 1; write for example 60")]
    [InlineData("interval = 1m", "interval", "'1m' is not a whole number of seconds >= 1")]
    [InlineData("retry_interval = -5", "retry_interval", "'-5' is not a whole number of seconds >= 1; write for example 15")]
    [InlineData("retry_interval = 120", "retry_interval", "120 s is longer than interval (60 s)")]
    [InlineData("jitter = 0.9", "jitter", "'0.9' is not a fraction from 0 to 0.5")]
    [InlineData("jitter = 10%", "jitter", "'10%' is not a fraction from 0 to 0.5")]
    public void Validate_BadPolling_NamesTheTypeSectionAndKey(string line, string key, string expected)
    {
        var problem = Single(Valid, $"[nova.instance]\n{line}");

        Assert.Equal(("nova.instance", key), (problem.Section, problem.Key));
        Assert.Contains(expected, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AdminApiBeyondLoopbackWithoutToken_SaysToSetTheToken()
    {
        var problem = Single(Valid, "[admin_api]\nbind = 0.0.0.0:9480");

        Assert.Equal(("admin_api", "bind"), (problem.Section, problem.Key));
        Assert.Contains("admin_token must be set", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AdminApiBeyondLoopbackWithToken_IsValid()
    {
        Assert.True(_files.Validate(Valid, "[admin_api]\nbind = 0.0.0.0:9480\nadmin_token = 6f1c0d2e9a").IsValid);
    }

    [Fact]
    public void Validate_PasswordAuthWithoutUserPasswordOrProject_NamesEachMissingKey()
    {
        var report = _files.Validate("[service_credentials]\nauth_url = http://127.0.0.1:5000/v3");

        Assert.Equal(
            [("service_credentials", "password"), ("service_credentials", "project_name"), ("service_credentials", "username")],
            report.Problems.Select(p => (p.Section, p.Key)));
    }

    [Fact]
    public void Validate_ApplicationCredentialWithoutIdOrSecret_NamesBoth()
    {
        var report = _files.Validate("[service_credentials]\nauth_url = http://127.0.0.1:5000/v3\nauth_type = v3applicationcredential");

        Assert.Equal(
            [("service_credentials", "application_credential_id"), ("service_credentials", "application_credential_secret")],
            report.Problems.Select(p => (p.Section, p.Key)));
    }

    [Fact]
    public void Validate_NoCredentialsAndNoCloud_OneLineSayingHowToSetThem()
    {
        var problem = Single("[DEFAULT]\nhost = sync-1");

        Assert.Equal(("service_credentials", "auth_url"), (problem.Section, problem.Key));
        Assert.StartsWith("no Keystone credentials are configured", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cloud", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CloudNotFound_NamesServiceCredentialsCloud()
    {
        var problem = Single("[service_credentials]\ncloud = no-such-cloud");

        Assert.Equal(("service_credentials", "cloud"), (problem.Section, problem.Key));
        Assert.Contains("'no-such-cloud'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPluginDirectory_NamesPluginsDirectoryAndChecksTheRest()
    {
        var missing = Path.Combine(_files.Directory, "no-such-plugins");

        var report = _files.Validate(Valid, $"[plugins]\ndirectory = {missing}\n[nova.instance]\ninterval = 0");

        Assert.Equal([("nova.instance", "interval"), ("plugins", "directory")], report.Problems.Select(p => (p.Section, p.Key)));
        Assert.Contains("does not exist", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PluginDirectoryIsAFile_SaysSo()
    {
        var file = _files.Write("not a directory")[0];

        var problem = Single(Valid, $"[plugins]\ndirectory = {file}");

        Assert.Equal(("plugins", "directory"), (problem.Section, problem.Key));
        Assert.Contains("is a file, not a directory", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PluginThatCannotLoad_NamesPluginsDirectoryAndThePlugin()
    {
        var plugins = Directory.CreateDirectory(Path.Combine(_files.Directory, "plugins"));
        plugins.CreateSubdirectory("Acme.Neutron");

        var problem = Single(Valid, $"[plugins]\ndirectory = {plugins.FullName}");

        Assert.Equal(("plugins", "directory"), (problem.Section, problem.Key));
        Assert.Contains("has no Acme.Neutron.dll", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PluginsNotLoadedAndASectionNothingLikeAKnownOne_NotReportedAsItMayBeThePlugins()
    {
        var missing = Path.Combine(_files.Directory, "no-such-plugins");

        var report = _files.Validate(Valid, $"[plugins]\ndirectory = {missing}\n[neutron.port]\ninterval = 30\n[nova.instanse]\ninterval = 30");

        Assert.Equal([("nova.instanse", string.Empty), ("plugins", "directory")], report.Problems.Select(p => (p.Section, p.Key)));
    }

    [Theory]
    [InlineData("cinder = openstack")]
    [InlineData("heat = heat:notifications:info")]
    [InlineData("nova = :versioned_notifications")]
    public void Validate_MalformedExchangeTopicList_NamesTheKey(string line)
    {
        var problem = Single(Valid, $"[openstack_notifications]\n{line}");

        Assert.Equal(("openstack_notifications", line.Split(' ')[0]), (problem.Section, problem.Key));
        Assert.Contains("is not exchange:topic", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NovaOnBothVersionedAndLegacyTopics_SaysToChooseOne()
    {
        var problem = Single(Valid, "[openstack_notifications]\nnova = nova:versioned_notifications,nova:notifications");

        Assert.Equal(("openstack_notifications", "nova"), (problem.Section, problem.Key));
        Assert.Contains("each change would be handled twice", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("choose one", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnabledPushPathWithoutPool_NamesPool()
    {
        var problem = Single(Valid, "[openstack_notifications]\nenabled = true\npool =");

        Assert.Equal(("openstack_notifications", "pool"), (problem.Section, problem.Key));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneTogether()
    {
        var report = _files.Validate(
            Valid,
            """
            [DEFAULT]
            transport_url = htp:/x
            [admin_api]
            bind = 0.0.0.0:9480
            [nova]
            page_size = ten
            [nova.instance]
            interval = 0
            jitter = 2
            [nova.zone]
            enabled = perhaps
            [openstack_notifications]
            cinder = openstack
            [databse]
            connection = sqlite:///tmp/x.db
            """);

        Assert.Equal(
            [
                ("DEFAULT", "transport_url"), ("admin_api", "bind"), ("databse", string.Empty), ("nova", "page_size"),
                ("nova.instance", "interval"), ("nova.instance", "jitter"), ("nova.zone", "enabled"), ("openstack_notifications", "cinder"),
            ],
            report.Problems.Select(p => (p.Section, p.Key)));
    }

    [Fact]
    public void Validate_FullSampleWithEveryOptionUncommented_IsValid()
    {
        var sample = File.ReadAllLines(Path.Combine(RepositoryRoot(), "etc", "synchronizer", "synchronizer.conf.sample"))
            .Select(line => line.Length > 1 && line[0] == '#' && line[1] != ' ' ? line[1..] : line);
        var uncommented = string.Join('\n', sample);

        var report = _files.Validate(uncommented, Valid);

        Assert.True(report.IsValid, string.Join('\n', report.Problems));
        Assert.Contains("host = <the machine's host name>", uncommented, StringComparison.Ordinal);
        Assert.Contains("\njitter = 0.1", uncommented, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretsInBadValues_NeverShown()
    {
        var report = _files.Validate(
            Valid,
            """
            [DEFAULT]
            transport_url = rabbit://nova:hunter2-bus@rabbit-1:99999,nova:hunter2-bus@rabbit-2/
            [openstack_notifications]
            transport_url = http://nova:hunter2-nova@rabbit-1/
            [database]
            connection = postgresql://sync:hunter2-db@db/sync
            [service_credentials]
            auth_url = http://admin:hunter2-password@keystone:5000/v3
            [admin_api]
            bind = 0.0.0.0:99999
            admin_token = hunter2-token
            """);

        var lines = string.Join('\n', report.Problems);
        Assert.Equal(5, report.Problems.Count);
        Assert.DoesNotContain("hunter2", lines, StringComparison.Ordinal);
        Assert.Contains("rabbit://nova:***@rabbit-1:99999,nova:***@rabbit-2/", lines, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Synchronizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Synchronizer.sln not found above the test output.");
    }

    private ConfigurationProblem Single(params string[] texts)
    {
        var report = _files.Validate(texts);
        Assert.False(report.IsValid);
        return Assert.Single(report.Problems);
    }
}
