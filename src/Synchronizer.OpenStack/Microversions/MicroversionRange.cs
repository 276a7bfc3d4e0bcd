namespace Synchronizer.OpenStack.Microversions;

/// <summary>The microversions a service's version document declares.</summary>
/// <param name="Minimum">Its <c>min_version</c>.</param>
/// <param name="Maximum">Its <c>version</c> (or <c>max_version</c>).</param>
internal sealed record MicroversionRange(Microversion Minimum, Microversion Maximum)
{
    public override string ToString() => $"{Minimum} to {Maximum}";
}
