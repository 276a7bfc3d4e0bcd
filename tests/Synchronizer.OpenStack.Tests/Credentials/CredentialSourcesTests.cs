using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Credentials;

public sealed class CredentialSourcesTests : IDisposable
{
    private const string Clouds = """
        clouds:
          prod:
            auth:
              auth_url: http://keystone.prod:5000/v3
              username: sync
              password: cloud-pass
              project_name: ops
              user_domain_name: Users
              project_domain_id: default
            region_name: RegionTwo
            interface: internal
            identity_api_version: 3
          other:
            auth:
              auth_url: http://keystone.other:5000/v3
        """;

    private readonly CloudConfigSandbox _sandbox = new();

    [Fact]
    public void PostConfigure_CloudKey_FillsEveryUnsetKeyFromTheEntry()
    {
        _sandbox.Variables["OS_CLIENT_CONFIG_FILE"] = CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "mine.yaml", Clouds);

        var options = _sandbox.Options(new() { ["cloud"] = "prod" });

        Assert.Equal("http://keystone.prod:5000/v3", options.AuthUrl);
        Assert.Equal("sync", options.Username);
        Assert.Equal("cloud-pass", options.Password);
        Assert.Equal("ops", options.ProjectName);
        Assert.Equal("Users", options.UserDomainName);
        Assert.Equal("default", options.ProjectDomainId);
        Assert.Equal("RegionTwo", options.RegionName);
        Assert.Equal("internal", options.Interface);
    }

    [Fact]
    public void PostConfigure_SearchOrder_WorkingFolderThenUserThenSite()
    {
        CloudConfigSandbox.Write(_sandbox.SystemDirectory, "clouds.yaml", Clouds.Replace("keystone.prod", "site", StringComparison.Ordinal));
        Assert.Equal("http://site:5000/v3", _sandbox.Options(new() { ["cloud"] = "prod" }).AuthUrl);

        CloudConfigSandbox.Write(_sandbox.UserDirectory, "clouds.yml", Clouds.Replace("keystone.prod", "user", StringComparison.Ordinal));
        Assert.Equal("http://user:5000/v3", _sandbox.Options(new() { ["cloud"] = "prod" }).AuthUrl);

        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds.Replace("keystone.prod", "cwd", StringComparison.Ordinal));
        Assert.Equal("http://cwd:5000/v3", _sandbox.Options(new() { ["cloud"] = "prod" }).AuthUrl);

        _sandbox.Variables["OS_CLIENT_CONFIG_FILE"] = CloudConfigSandbox.Write(_sandbox.HomeDirectory, "explicit.yaml", Clouds.Replace("keystone.prod", "explicit", StringComparison.Ordinal));
        Assert.Equal("http://explicit:5000/v3", _sandbox.Options(new() { ["cloud"] = "prod" }).AuthUrl);
    }

    [Fact]
    public void PostConfigure_SecureYaml_IsMergedOverTheCloud()
    {
        CloudConfigSandbox.Write(_sandbox.UserDirectory, "clouds.yaml", Clouds.Replace("      password: cloud-pass\n", string.Empty, StringComparison.Ordinal));
        CloudConfigSandbox.Write(_sandbox.UserDirectory, "secure.yaml", "clouds:\n  prod:\n    auth:\n      password: secure-pass\n");

        var options = _sandbox.Options(new() { ["cloud"] = "prod" });

        Assert.Equal("secure-pass", options.Password);
        Assert.Equal("sync", options.Username);
    }

    [Fact]
    public void PostConfigure_ExplicitKeys_WinOverTheCloudEntry()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);

        // RegionOne is also the default: being written in the section is what makes it win.
        var options = _sandbox.Options(new() { ["cloud"] = "prod", ["region_name"] = "RegionOne", ["username"] = "from-ini" });

        Assert.Equal("RegionOne", options.RegionName);
        Assert.Equal("from-ini", options.Username);
        Assert.Equal("cloud-pass", options.Password);
    }

    [Fact]
    public void PostConfigure_CodeConfiguration_WinsOverTheCloudEntry()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);

        var options = _sandbox.Options(new() { ["cloud"] = "prod" }, o => o.ProjectName = "from-code");

        Assert.Equal("from-code", options.ProjectName);
    }

    [Fact]
    public void PostConfigure_OsCloud_SelectsTheEntryWhenTheSectionHasNoCredentials()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);
        _sandbox.Variables["OS_CLOUD"] = "prod";
        _sandbox.Variables["OS_USERNAME"] = "shell-user";

        var options = _sandbox.Options();

        Assert.Equal("http://keystone.prod:5000/v3", options.AuthUrl);
        Assert.Equal("sync", options.Username);
    }

    [Fact]
    public void PostConfigure_OsCloud_IgnoredWhenTheSectionSetsAuthUrl()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);
        _sandbox.Variables["OS_CLOUD"] = "prod";

        var options = _sandbox.Options(Ini());

        Assert.Equal("http://127.0.0.1:5000/v3", options.AuthUrl);
        Assert.Equal("RegionOne", options.RegionName);
    }

    [Fact]
    public void PostConfigure_OsVariables_FillEverythingWhenNothingIsConfigured()
    {
        SetOsVariables();

        var options = _sandbox.Options();

        Assert.Equal("http://keystone.env:5000/v3", options.AuthUrl);
        Assert.Equal("env-user", options.Username);
        Assert.Equal("env-pass", options.Password);
        Assert.Equal("env-project", options.ProjectName);
        Assert.Equal("EnvUsers", options.UserDomainName);
        Assert.Equal("EnvProjects", options.ProjectDomainName);
        Assert.Equal("RegionEnv", options.RegionName);
        Assert.Equal("admin", options.Interface);
    }

    [Fact]
    public void PostConfigure_OsVariables_IgnoredWhenTheSectionSetsAuthUrl()
    {
        SetOsVariables();

        var options = _sandbox.Options(Ini());

        Assert.Equal("admin", options.Username);
        Assert.Equal("RegionOne", options.RegionName);
        Assert.Equal("public", options.Interface);
    }

    [Fact]
    public void PostConfigure_OsVariables_IgnoredWhenACloudIsSelected()
    {
        SetOsVariables();
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);

        var options = _sandbox.Options(new() { ["cloud"] = "prod" });

        Assert.Equal("sync", options.Username);
        Assert.Equal("RegionTwo", options.RegionName);
    }

    [Fact]
    public void PostConfigure_OsApplicationCredential_SelectsThatPlugin()
    {
        _sandbox.Variables["OS_AUTH_URL"] = "http://keystone.env:5000/v3";
        _sandbox.Variables["OS_AUTH_TYPE"] = "v3applicationcredential";
        _sandbox.Variables["OS_APPLICATION_CREDENTIAL_ID"] = "423f19a4ac1e4f48bbb4180756e6eb6c";
        _sandbox.Variables["OS_APPLICATION_CREDENTIAL_SECRET"] = "rEaqvJka48mpv";

        var options = _sandbox.Options();

        Assert.Equal(AuthTypes.ApplicationCredential, options.AuthType);
        Assert.Equal("423f19a4ac1e4f48bbb4180756e6eb6c", options.ApplicationCredentialId);
        Assert.Equal("rEaqvJka48mpv", options.ApplicationCredentialSecret);
    }

    [Fact]
    public void PostConfigure_ApplicationCredentialWithoutAuthType_InfersThePlugin()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", "clouds:\n  ac:\n    auth:\n      auth_url: http://k:5000\n      application_credential_id: id1\n      application_credential_secret: s1\n");

        var options = _sandbox.Options(new() { ["cloud"] = "ac" });

        Assert.Equal(AuthTypes.ApplicationCredential, options.AuthType);
    }

    [Fact]
    public void PostConfigure_LegacySpellings_AreReadAsOpenstacksdkReadsThem()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", """
            clouds:
              old:
                auth_type: v3password
                auth:
                  auth-url: http://keystone.old:5000
                  username: u
                  password: p
                  tenant_name: t
                endpoint_type: internalURL
                regions:
                  - name: RegionNorth
                  - RegionSouth
            """);

        var options = _sandbox.Options(new() { ["cloud"] = "old" });

        Assert.Equal(AuthTypes.Password, options.AuthType);
        Assert.Equal("http://keystone.old:5000", options.AuthUrl);
        Assert.Equal("t", options.ProjectName);
        Assert.Equal("internal", options.Interface);
        Assert.Equal("RegionNorth", options.RegionName);
    }

    [Fact]
    public void PostConfigure_UnknownCloud_ValidationNamesTheKeyAndTheKnownClouds()
    {
        var path = CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", Clouds);

        var error = Assert.Throws<OptionsValidationException>(() => _sandbox.Options(new() { ["cloud"] = "staging" }));

        Assert.Contains($"[service_credentials] cloud: cloud 'staging' is not in {path} (it has 'other', 'prod')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_NoCloudsYaml_ValidationSaysWhereItLooked()
    {
        var error = Assert.Throws<OptionsValidationException>(() => _sandbox.Options(new() { ["cloud"] = "prod" }));

        Assert.Contains("no clouds.yaml was found", error.Message, StringComparison.Ordinal);
        Assert.Contains(_sandbox.UserDirectory, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_BrokenYaml_ValidationGivesTheLineButNoContent()
    {
        CloudConfigSandbox.Write(_sandbox.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    auth:\n      password: [oops-s3cret\n");

        var error = Assert.Throws<OptionsValidationException>(() => _sandbox.Options(new() { ["cloud"] = "prod" }));

        Assert.Contains("is not valid YAML (line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oops-s3cret", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _sandbox.Dispose();

    private static Dictionary<string, string?> Ini() => new()
    {
        ["auth_url"] = "http://127.0.0.1:5000/v3",
        ["username"] = "admin",
        ["password"] = "secret",
        ["project_name"] = "admin",
    };

    private void SetOsVariables()
    {
        _sandbox.Variables["OS_AUTH_URL"] = "http://keystone.env:5000/v3";
        _sandbox.Variables["OS_USERNAME"] = "env-user";
        _sandbox.Variables["OS_PASSWORD"] = "env-pass";
        _sandbox.Variables["OS_PROJECT_NAME"] = "env-project";
        _sandbox.Variables["OS_USER_DOMAIN_NAME"] = "EnvUsers";
        _sandbox.Variables["OS_PROJECT_DOMAIN_NAME"] = "EnvProjects";
        _sandbox.Variables["OS_REGION_NAME"] = "RegionEnv";
        _sandbox.Variables["OS_INTERFACE"] = "admin";
    }
}
