namespace Synchronizer.Service.Tests.Configuration.Validation;

/// <summary>The checks that read the process's environment: they set variables, so nothing runs beside them.</summary>
[Collection(SharedProcessEnvironment.Name)]
public sealed class ConfigurationEnvironmentTests : IDisposable
{
    private readonly ConfigurationFiles _files = new();
    private readonly List<string> _variables = [];

    [Fact]
    public void Validate_EnvironmentOverrideWithABadValue_NamesSectionKeyAndTheVariable()
    {
        Set("SYNCHRONIZER__ADMIN_API__BIND", "0.0.0.0:notaport");

        var problem = Assert.Single(_files.Validate(ConfigurationFiles.Valid).Problems);

        Assert.Equal(("admin_api", "bind", "SYNCHRONIZER__ADMIN_API__BIND"), (problem.Section, problem.Key, problem.Origin));
        Assert.StartsWith("[admin_api] bind (from SYNCHRONIZER__ADMIN_API__BIND): '0.0.0.0:notaport' is not address:port", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnvironmentOverrideOfUnconvertibleValue_NamesTheVariable()
    {
        Set("SYNCHRONIZER__NOVA__PAGE_SIZE", "lots");

        var problem = Assert.Single(_files.Validate(ConfigurationFiles.Valid).Problems);

        Assert.Equal("[nova] page_size (from SYNCHRONIZER__NOVA__PAGE_SIZE): 'lots' is not a whole number; write for example 1000 (the default)", problem.ToString());
    }

    [Fact]
    public void Validate_EnvironmentVariableForAnUnknownKey_NamesTheVariable()
    {
        Set("SYNCHRONIZER__NOVA_INSTANCE__INTERVAL", "30");

        var problem = Assert.Single(_files.Validate(ConfigurationFiles.Valid).Problems);

        Assert.Equal("SYNCHRONIZER__NOVA_INSTANCE__INTERVAL", problem.Origin);
        Assert.Equal("is not a section this service reads", problem.Message);
    }

    [Fact]
    public void Validate_EnvironmentOverrideWinsOverTheFile_ValidWhenItFixesIt()
    {
        Set("SYNCHRONIZER__nova.instance__interval", "30");

        var report = _files.Validate(ConfigurationFiles.Valid, "[nova.instance]\ninterval = 0");

        Assert.True(report.IsValid, string.Join('\n', report.Problems));
        Assert.Contains("nova.instance every 30 s", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CloudNotInCloudsYaml_NamesCloudAndTheCloudsItHas()
    {
        var clouds = Path.Combine(_files.Directory, "clouds.yaml");
        File.WriteAllText(clouds, "clouds:\n  prod:\n    auth:\n      auth_url: http://keystone:5000/v3\n      password: hunter2-cloud\n");
        Set("OS_CLIENT_CONFIG_FILE", clouds);

        var problem = Assert.Single(_files.Validate("[service_credentials]\ncloud = staging").Problems);

        Assert.Equal(("service_credentials", "cloud"), (problem.Section, problem.Key));
        Assert.Contains($"'staging' is not in {clouds} (it has 'prod')", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var name in _variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        _files.Dispose();
    }

    private void Set(string name, string? value)
    {
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }
}
