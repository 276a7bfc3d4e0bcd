using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Synchronizer.OpenStack.Credentials;

/// <summary>
/// Finds and reads <c>clouds.yaml</c> and <c>secure.yaml</c> as openstacksdk does: the first file that
/// exists among <c>OS_CLIENT_CONFIG_FILE</c> (<c>OS_CLIENT_SECURE_FILE</c>) and the search folders, each
/// with the suffixes <c>.yaml</c>, <c>.yml</c> and <c>.json</c>; <c>secure.yaml</c> is merged over it.
/// </summary>
/// <remarks>See openstacksdk's <c>openstack/config/loader.py</c> (<c>CONFIG_FILES</c>, <c>SECURE_FILES</c>).</remarks>
internal static class CloudsYaml
{
    private static readonly string[] Suffixes = [".yaml", ".yml", ".json"];

    /// <summary>Reads the named cloud.</summary>
    /// <returns>The entry, or a problem that names the files and never shows a value from them.</returns>
    public static (CloudEntry? Entry, string? Problem) Find(string cloud, ClientConfigEnvironment environment)
    {
        var cloudsPath = FirstExisting(environment, "OS_CLIENT_CONFIG_FILE", "clouds");
        if (cloudsPath is null)
        {
            var searched = string.Join(", ", environment.SearchDirectories());
            return (null, $"cloud '{cloud}' is selected but no clouds.yaml was found (searched OS_CLIENT_CONFIG_FILE and {searched}): create one or point OS_CLIENT_CONFIG_FILE at it.");
        }

        var (clouds, problem) = ReadClouds(cloudsPath);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (!clouds!.TryGetValue(cloud, out var found) || found is not Dictionary<object, object> entry)
        {
            var known = string.Join(", ", clouds.Keys.Select(k => $"'{k}'").Order(StringComparer.Ordinal));
            return (null, $"cloud '{cloud}' is not in {cloudsPath} (it has {(known.Length == 0 ? "no clouds" : known)}): fix the name or the file.");
        }

        if (FirstExisting(environment, "OS_CLIENT_SECURE_FILE", "secure") is { } securePath)
        {
            var (secure, secureProblem) = ReadClouds(securePath);
            if (secureProblem is not null)
            {
                return (null, secureProblem);
            }

            if (secure!.TryGetValue(cloud, out var secret) && secret is Dictionary<object, object> secretEntry)
            {
                Merge(entry, secretEntry);
            }
        }

        return (Flatten(cloud, cloudsPath, entry), null);
    }

    private static string? FirstExisting(ClientConfigEnvironment environment, string variable, string baseName)
    {
        var candidates = environment.SearchDirectories().SelectMany(dir => Suffixes.Select(suffix => Path.Combine(dir, baseName + suffix)));
        if (environment.Variable(variable) is { } explicitPath)
        {
            candidates = candidates.Prepend(explicitPath);
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private static (Dictionary<string, object>? Clouds, string? Problem) ReadClouds(string path)
    {
        object? document;
        try
        {
            document = new DeserializerBuilder().Build().Deserialize<object?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            // The parser's own message can quote the file; a line number is enough and leaks nothing.
            return (null, $"{path} is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): fix the file.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} cannot be read ({ex.GetType().Name}): check that it exists and is readable.");
        }

        if (document is Dictionary<object, object> root && root.TryGetValue("clouds", out var clouds) && clouds is Dictionary<object, object> map)
        {
            return (map.ToDictionary(p => p.Key.ToString() ?? string.Empty, p => p.Value), null);
        }

        return (null, $"{path} has no 'clouds' mapping: write the file as 'clouds: {{<name>: {{auth: {{auth_url: …}}}}}}'.");
    }

    private static void Merge(Dictionary<object, object> target, Dictionary<object, object> source)
    {
        foreach (var (key, value) in source)
        {
            if (value is Dictionary<object, object> inner && target.TryGetValue(key, out var existing) && existing is Dictionary<object, object> existingInner)
            {
                Merge(existingInner, inner);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static CloudEntry Flatten(string cloud, string path, Dictionary<object, object> entry)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        AddScalars(values, entry);
        if (entry.TryGetValue("auth", out var auth) && auth is Dictionary<object, object> authMap)
        {
            AddScalars(values, authMap);
        }

        if (!values.ContainsKey("region_name") && entry.TryGetValue("regions", out var regions) && regions is List<object> { Count: > 0 } list)
        {
            // "regions" lists strings or mappings with a name; openstacksdk takes the first as the default.
            var first = list[0] is Dictionary<object, object> region && region.TryGetValue("name", out var name) ? name : list[0];
            if (first is string firstName)
            {
                values["region_name"] = firstName;
            }
        }

        values.Remove("profile", out var profile);
        return new CloudEntry(cloud, path, values, profile);
    }

    private static void AddScalars(Dictionary<string, string> values, Dictionary<object, object> map)
    {
        foreach (var (rawKey, value) in map)
        {
            // openstacksdk accepts auth-url as well as auth_url.
            var key = (rawKey.ToString() ?? string.Empty).Replace('-', '_');
            key = CredentialKey.Aliases.GetValueOrDefault(key, key);
            if (value is string scalar)
            {
                values[key] = scalar;
            }
        }
    }
}
