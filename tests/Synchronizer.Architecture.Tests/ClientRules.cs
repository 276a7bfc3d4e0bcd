using System.Reflection;

namespace Synchronizer.Architecture.Tests;

/// <summary>The checks behind <see cref="ClientRulesTests"/>, written so that they can be tried on assemblies that break them.</summary>
internal static class ClientRules
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The references of <paramref name="assembly"/> beyond what a library for other teams may pull in:
    /// the runtime, RabbitMQ.Client, and <c>Microsoft.Extensions.*.Abstractions</c> (never an implementation).
    /// </summary>
    public static IReadOnlyList<string> DisallowedReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(name => !IsAllowed(name)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The public or protected members (and base types) of the exported types of <paramref name="assembly"/>
    /// whose signature uses a type of the assembly named <paramref name="assemblyName"/>, as <c>Type.Member</c>.
    /// </summary>
    public static IReadOnlyList<string> PublicUsesOf(Assembly assembly, string assemblyName)
    {
        var uses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            var baseTypes = type.GetInterfaces().Append(type.BaseType).OfType<Type>();
            if (baseTypes.Any(t => Uses(t, assemblyName)))
            {
                uses.Add(type.FullName!);
            }

            foreach (var member in type.GetMembers(Visible | BindingFlags.NonPublic).Where(IsVisible))
            {
                if (SignatureTypes(member).Any(t => Uses(t, assemblyName)))
                {
                    uses.Add($"{type.FullName}.{member.Name}");
                }
            }
        }

        return [.. uses];
    }

    private static bool IsAllowed(string name) =>
        name is "System" or "netstandard" or "mscorlib" or "RabbitMQ.Client"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions", StringComparison.Ordinal));

    // Protected members are part of the API a consumer can reach by deriving.
    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        EventInfo e => e.EventHandlerType is { } handler ? [handler] : [],
        _ => [],
    };

    private static bool Uses(Type type, string assemblyName)
    {
        if (type.HasElementType)
        {
            return Uses(type.GetElementType()!, assemblyName);
        }

        if (type.IsGenericParameter)
        {
            return false;
        }

        return type.Assembly.GetName().Name == assemblyName
            || (type.IsGenericType && type.GetGenericArguments().Any(t => Uses(t, assemblyName)));
    }
}
