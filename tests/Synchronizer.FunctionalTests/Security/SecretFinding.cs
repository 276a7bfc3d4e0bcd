namespace Synchronizer.FunctionalTests.Security;

/// <summary>A secret found in the output: which kind, in which spelling, on which line. Never the value.</summary>
/// <param name="Kind">The secret's kind.</param>
/// <param name="Form">The spelling found, for example "URL-encoded".</param>
/// <param name="LineNumber">The line of the output, counting from 1.</param>
/// <param name="Stream">Where the line was written: stdout, stderr or a logger.</param>
internal sealed record SecretFinding(string Kind, string Form, int LineNumber, string Stream)
{
    public override string ToString() => $"line {LineNumber} ({Stream}): {Kind} ({Form})";
}
