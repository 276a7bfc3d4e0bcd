using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Tests.Configuration.Validation;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("password", "hunter2-pass", "hunter2-pass")]
    [InlineData("admin_token", "0123456789abcdef", "0123456789abcdef")]
    [InlineData("application_credential_secret", "s3cr3t-value", "s3cr3t-value")]
    [InlineData("transport_url", "rabbit://nova:hunter2-pass@h1:5672,nova:other-pass@h2/", "other-pass")]
    [InlineData("connection", "postgresql://sync:p%40ssword@db/sync", "p@ssword")]
    public void Redact_AMessageQuotingASecret_ShowsStarsInstead(string key, string value, string secret)
    {
        var redactor = new SecretRedactor([new ConfigurationEntry("section", key, value, null)]);

        var problem = redactor.Redact(new ConfigurationProblem("section", "other", $"someone quoted {secret} here", $"and {secret} there"));

        Assert.DoesNotContain(secret, problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_NoSecretInTheMessage_LeavesItAlone()
    {
        var redactor = new SecretRedactor([new ConfigurationEntry("service_credentials", "password", "hunter2-pass", null)]);
        var problem = new ConfigurationProblem("nova", "page_size", "'ten' is not a whole number", "write for example 1000");

        Assert.Equal(problem, redactor.Redact(problem));
    }
}
