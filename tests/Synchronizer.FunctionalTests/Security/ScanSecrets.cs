using System.Security.Cryptography;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// The secrets a scan configures or sends, each with random characters no other text contains, plus
/// characters that a URL, JSON or a shell would escape ('+', '&amp;', '/', '=').
/// </summary>
internal sealed record ScanSecrets(
    string KeystonePassword,
    string AdminToken,
    string WrongAdminToken,
    string RpcContextToken,
    string NotificationContextToken,
    string ApplicationCredentialSecret,
    string CloudsYamlPassword,
    string DatabasePassword)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static ScanSecrets CreateRandom() => new(
        KeystonePassword: $"ks+{RandomText(20)}&/x",
        AdminToken: $"adm{RandomText(24)}+/=",
        WrongAdminToken: $"wrong{RandomText(24)}",
        RpcContextToken: $"gAAAAABrpc{RandomText(40)}",
        NotificationContextToken: $"gAAAAABntf{RandomText(40)}",
        ApplicationCredentialSecret: $"appcred{RandomText(24)}",
        CloudsYamlPassword: $"yaml{RandomText(20)}+&",
        DatabasePassword: $"pg{RandomText(20)}");

    /// <summary>Random letters and digits, without look-alikes.</summary>
    public static string RandomText(int length) =>
        string.Create(length, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    /// <summary>The secrets every full run knows, by kind; Keystone's tokens and the broker passwords are added by the run.</summary>
    public IEnumerable<Secret> OfFullRun(string keystoneUser) =>
    [
        new("the Keystone password ([service_credentials] password)", KeystonePassword, keystoneUser),
        new("the admin API token ([admin_api] admin_token)", AdminToken),
        new("a wrong bearer token a client sent to the admin API", WrongAdminToken),
        new("an RPC caller's _context_auth_token", RpcContextToken, DistinctFrom: 7),
        new("an OpenStack notification's _context_auth_token", NotificationContextToken, DistinctFrom: 7),
    ];
}
