using System.Collections.Concurrent;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>The users, projects and roles keystone knows: an admin and a demo account, plus seeded projects.</summary>
internal sealed class IdentityDirectory
{
    private readonly ConcurrentDictionary<string, ProjectRecord> _projectsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProjectRecord> _projectsByName = new(StringComparer.Ordinal);

    public IdentityDirectory(SimulatorOptions options)
    {
        // keystone-manage bootstrap names the default domain "Default" with the literal id "default".
        var domainId = options.DomainName == SimulatorDefaults.DomainName ? "default" : KeystoneIds.For("domain", options.DomainName);
        Domain = new DomainRecord(domainId, options.DomainName);

        // Zed's bootstrap makes admin imply member imply reader, and tokens list the implied roles too.
        var admin = Role("admin");
        var member = Role("member");
        var reader = Role("reader");
        Admin = new UserAccount(
            KeystoneIds.For("user", options.Username), options.Username, options.Password, Domain, EnsureProject(options.ProjectName), [admin, member, reader]);
        Demo = new UserAccount(
            KeystoneIds.For("user", options.DemoUsername), options.DemoUsername, options.DemoPassword, Domain, EnsureProject(options.DemoProjectName), [member, reader]);
    }

    public DomainRecord Domain { get; }

    public UserAccount Admin { get; }

    public UserAccount Demo { get; }

    public IEnumerable<UserAccount> Users => [Admin, Demo];

    public ProjectRecord EnsureProject(string name) =>
        _projectsByName.GetOrAdd(name, n =>
        {
            var project = new ProjectRecord(KeystoneIds.For("project", n), n, Domain);
            _projectsById[project.Id] = project;
            return project;
        });

    public ProjectRecord? FindProjectById(string id) => _projectsById.GetValueOrDefault(id);

    public ProjectRecord? FindProjectByName(string name, string? domainId, string? domainName) =>
        InDomain(domainId, domainName) ? _projectsByName.GetValueOrDefault(name) : null;

    public UserAccount? FindUserById(string id) => Users.FirstOrDefault(u => u.Id == id);

    public UserAccount? FindUserByName(string name, string? domainId, string? domainName) =>
        InDomain(domainId, domainName) ? Users.FirstOrDefault(u => u.Name == name) : null;

    private bool InDomain(string? domainId, string? domainName) =>
        domainId is not null ? domainId == Domain.Id : domainName == Domain.Name;

    private static RoleRecord Role(string name) => new(KeystoneIds.For("role", name), name);
}
