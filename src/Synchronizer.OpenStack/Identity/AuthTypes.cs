namespace Synchronizer.OpenStack.Identity;

/// <summary>The Keystone auth plugins supported, named as keystoneauth names them.</summary>
public static class AuthTypes
{
    /// <summary>User name (or id) and password.</summary>
    public const string Password = "password";

    /// <summary>Application credential id and secret.</summary>
    public const string ApplicationCredential = "v3applicationcredential";
}
