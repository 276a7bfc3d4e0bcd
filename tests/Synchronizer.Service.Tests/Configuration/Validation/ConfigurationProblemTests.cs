using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Tests.Configuration.Validation;

public class ConfigurationProblemTests
{
    [Fact]
    public void ToString_SectionKeyMessageAndFix_OneLineInTheContractsForm()
    {
        var problem = new ConfigurationProblem("service_credentials", "auth_url", "'htp:/x' is not an http(s) URL", "write for example http://127.0.0.1:5000/v3");

        Assert.Equal("[service_credentials] auth_url: 'htp:/x' is not an http(s) URL; write for example http://127.0.0.1:5000/v3", problem.ToString());
    }

    [Fact]
    public void ToString_FromAnEnvironmentVariable_NamesIt()
    {
        var problem = new ConfigurationProblem("admin_api", "bind", "'x' is not address:port", string.Empty) { Origin = "SYNCHRONIZER__ADMIN_API__BIND" };

        Assert.Equal("[admin_api] bind (from SYNCHRONIZER__ADMIN_API__BIND): 'x' is not address:port", problem.ToString());
    }

    [Fact]
    public void ToString_MessageOverSeveralLines_StaysOneLine()
    {
        var problem = new ConfigurationProblem("plugins", "directory", "cannot load\nthe plugin", "fix it");

        Assert.Equal("[plugins] directory: cannot load the plugin; fix it", problem.ToString());
    }

    [Theory]
    [InlineData("[service_credentials] auth_url: 'htp:/x' is not an http(s) URL; write for example http://127.0.0.1:5000/v3", "service_credentials", "auth_url", "'htp:/x' is not an http(s) URL", "write for example http://127.0.0.1:5000/v3")]
    [InlineData("[database] connection = 'x' is not a database URL: write sqlite:///a.db.", "database", "connection", "'x' is not a database URL: write sqlite:///a.db.", "")]
    [InlineData("[nova] page_size must be between 1 and 10000.", "nova", "page_size", "must be between 1 and 10000.", "")]
    [InlineData("[nova.instance] interval: '0' is not a whole number", "nova.instance", "interval", "'0' is not a whole number", "")]
    [InlineData("Plugin 'acme' failed to register: boom", "plugins", "", "Plugin 'acme' failed to register: boom", "")]
    public void Parse_EveryFormTheValidatorsWrite_FindsSectionKeyMessageAndFix(string failure, string section, string key, string message, string fix)
    {
        var problem = ConfigurationProblem.Parse(failure, "plugins");

        Assert.Equal(new ConfigurationProblem(section, key, message, fix), problem);
    }

    [Fact]
    public void Parse_ItsOwnLine_GivesTheSameProblemBack()
    {
        var problem = new ConfigurationProblem("nova.instance", "jitter", "'2' is not a fraction from 0 to 0.5", "write for example 0.1");

        Assert.Equal(problem, ConfigurationProblem.Parse(problem.ToString(), "other"));
    }
}
