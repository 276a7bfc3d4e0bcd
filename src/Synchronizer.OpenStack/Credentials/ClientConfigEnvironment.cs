namespace Synchronizer.OpenStack.Credentials;

/// <summary>
/// What openstacksdk reads from the process: environment variables and the folders searched for
/// <c>clouds.yaml</c>. Tests substitute their own.
/// </summary>
internal sealed class ClientConfigEnvironment
{
    public ClientConfigEnvironment(Func<string, string?> getVariable, string currentDirectory, string homeDirectory, string systemDirectory)
    {
        GetVariable = getVariable;
        CurrentDirectory = currentDirectory;
        HomeDirectory = homeDirectory;
        SystemDirectory = systemDirectory;
    }

    public Func<string, string?> GetVariable { get; }

    public string CurrentDirectory { get; }

    public string HomeDirectory { get; }

    /// <summary>Gets the site-wide folder, <c>/etc/openstack</c> on Linux.</summary>
    public string SystemDirectory { get; }

    public static ClientConfigEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        "/etc/openstack");

    /// <summary>Gets a variable's value, or <see langword="null"/> when it is unset or empty.</summary>
    public string? Variable(string name) => GetVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The folders openstacksdk searches, in its order: the working folder, the user's
    /// (<c>$XDG_CONFIG_HOME/openstack</c>, <c>~/.config/openstack</c>), then the site's.
    /// </summary>
    public IEnumerable<string> SearchDirectories()
    {
        yield return CurrentDirectory;
        if (Variable("XDG_CONFIG_HOME") is { } xdg)
        {
            yield return Path.Combine(xdg, "openstack");
        }

        yield return Path.Combine(HomeDirectory, ".config", "openstack");
        yield return SystemDirectory;
    }
}
