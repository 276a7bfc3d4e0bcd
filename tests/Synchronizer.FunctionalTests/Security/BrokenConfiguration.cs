using Synchronizer.FunctionalTests.Infrastructure;
using RabbitTransportUrl = Synchronizer.Messaging.Rabbit.TransportUrl;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// Configuration files with mistakes that get them refused, by the service or by the broker, each full
/// of secrets next to the mistakes, in a directory of their own with a <c>clouds.yaml</c> that holds a
/// password too.
/// </summary>
internal sealed class BrokenConfiguration : IDisposable
{
    private const string BusUser = "scan-bus";
    private const string NotificationsUser = "scan-notify";

    private readonly ScanSecrets _secrets = ScanSecrets.CreateRandom();
    private readonly string _busPassword = $"bus{ScanSecrets.RandomText(20)}@/:+";
    private readonly string _notificationsPassword = $"ntf{ScanSecrets.RandomText(20)}+/";

    public BrokenConfiguration()
    {
        File.WriteAllText(CloudsYaml, $"""
            clouds:
              scan-cloud:
                auth:
                  auth_url: http://127.0.0.1:1/v3
                  username: admin
                  password: "{_secrets.CloudsYamlPassword}"
                  project_name: admin
            """);
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("synchronizer-broken-").FullName;

    /// <summary>Gets the clouds.yaml to point <c>OS_CLIENT_CONFIG_FILE</c> at.</summary>
    public string CloudsYaml => Path.Combine(Directory, "clouds.yaml");

    public IReadOnlyList<Secret> Secrets =>
    [
        new("the Keystone password ([service_credentials] password)", _secrets.KeystonePassword, "admin"),
        new("the application credential secret", _secrets.ApplicationCredentialSecret),
        new("the password in clouds.yaml", _secrets.CloudsYamlPassword, "admin"),
        new("the admin API token ([admin_api] admin_token)", _secrets.AdminToken),
        new("the password of [DEFAULT] transport_url", _busPassword, BusUser),
        new("the password of [openstack_notifications] transport_url", _notificationsPassword, NotificationsUser),
        new("the password of [database] connection", _secrets.DatabasePassword, "sync"),
    ];

    /// <summary>Writes a file whose password line lacks its '=': the parser stops there, before any validation.</summary>
    public string WriteMalformedLine() => Write("malformed-line.conf", $"""
        [DEFAULT]
        transport_url = {BusUrl("127.0.0.1:5672")}

        [service_credentials]
        auth_url = http://127.0.0.1:1/v3
        username = admin
        password {_secrets.KeystonePassword}
        project_name = admin

        [admin_api]
        admin_token = {_secrets.AdminToken}
        """);

    /// <summary>Writes a file that parses but whose values are wrong, every one of them next to a secret.</summary>
    public string WriteInvalidValues() => Write("invalid-values.conf", $"""
        [DEFAULT]
        transport_url = {BusUrl("127.0.0.1:notaport")}

        [service_credentials]
        cloud = scan-cloud
        auth_type = v3applicationcredential
        application_credential_secret = {_secrets.ApplicationCredentialSecret}
        password = {_secrets.KeystonePassword}

        [admin_api]
        bind = 0.0.0.0:notaport
        admin_token = {_secrets.AdminToken}

        [database]
        connection = postgresql://sync:{Uri.EscapeDataString(_secrets.DatabasePassword)}@db.example.com/synchronizer

        [openstack_notifications]
        enabled = true
        transport_url = rabbit://{NotificationsUser}:{Uri.EscapeDataString(_notificationsPassword)}@127.0.0.1:99999/
        nova = nova
        """);

    /// <summary>
    /// Writes a valid file whose broker users do not exist on the test broker: it starts, and every
    /// connection is refused (ACCESS_REFUSED) while Keystone cannot be reached either.
    /// </summary>
    public string WriteRefusedByBroker()
    {
        var broker = RabbitTransportUrl.Parse(TestBroker.TransportUrl).Hosts[0];
        var address = $"{broker.Host}:{broker.Port}";
        return Write("refused-by-broker.conf", $"""
            [DEFAULT]
            transport_url = {BusUrl(address)}

            [service_credentials]
            auth_url = http://127.0.0.1:1/v3
            username = admin
            password = {_secrets.KeystonePassword}
            project_name = admin
            max_retries = 0

            [admin_api]
            bind = 127.0.0.1:0
            admin_token = {_secrets.AdminToken}

            [openstack_notifications]
            enabled = true
            transport_url = rabbit://{NotificationsUser}:{Uri.EscapeDataString(_notificationsPassword)}@{address}/
            """);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string BusUrl(string hostAndPort) => $"rabbit://{BusUser}:{Uri.EscapeDataString(_busPassword)}@{hostAndPort}/";

    private string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
