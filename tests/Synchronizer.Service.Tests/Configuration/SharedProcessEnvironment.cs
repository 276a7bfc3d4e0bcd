namespace Synchronizer.Service.Tests.Configuration;

/// <summary>The xunit collection of tests that change the process's environment variables: they run alone, after every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedProcessEnvironment
{
    public const string Name = "Process environment";
}
