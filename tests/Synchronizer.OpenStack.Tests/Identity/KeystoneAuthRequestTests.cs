using System.Text;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Identity;

public class KeystoneAuthRequestTests
{
    [Fact]
    public void Write_PasswordWithUserIdAndProjectDomainId_MatchesTheApiReferenceSample()
    {
        var options = new ServiceCredentialsOptions
        {
            UserId = "ee4dfb6e5540447cb3741905149d9b6e",
            Password = "devstacker",
            ProjectName = "admin",
            ProjectDomainId = "default",
        };

        JsonAssert.Equal(Fixtures.Read("auth-tokens.password.request.json"), Write(options));
    }

    [Fact]
    public void Write_ApplicationCredential_MatchesTheApiReferenceSampleWithoutScope()
    {
        var options = new ServiceCredentialsOptions
        {
            AuthType = AuthTypes.ApplicationCredential,
            ApplicationCredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c",
            ApplicationCredentialSecret = "rEaqvJka48mpv",
            ProjectName = "ignored: the credential carries its project",
        };

        JsonAssert.Equal(Fixtures.Read("auth-tokens.application-credential.request.json"), Write(options));
    }

    [Fact]
    public void Write_UserNameInNamedDomains_ScopesByNames()
    {
        var options = new ServiceCredentialsOptions { Username = "admin", Password = "pw", ProjectName = "demo", UserDomainName = "Users", ProjectDomainName = "Projects" };

        JsonAssert.Equal(
            """{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"name":"Users"},"password":"pw"}}},"scope":{"project":{"name":"demo","domain":{"name":"Projects"}}}}}""",
            Write(options));
    }

    [Fact]
    public void Write_UserDomainId_WinsOverTheDomainName()
    {
        var options = new ServiceCredentialsOptions { Username = "admin", Password = "pw", ProjectId = "p1", UserDomainId = "default" };

        JsonAssert.Equal(
            """{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"id":"default"},"password":"pw"}}},"scope":{"project":{"id":"p1"}}}}""",
            Write(options));
    }

    private static string Write(ServiceCredentialsOptions options) => Encoding.UTF8.GetString(KeystoneAuthRequest.Write(options));
}
