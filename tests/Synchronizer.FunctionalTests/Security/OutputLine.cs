namespace Synchronizer.FunctionalTests.Security;

/// <summary>One line the service wrote, in the order it was received.</summary>
/// <param name="Stream">stdout, stderr, or the logger that captured it in-process.</param>
/// <param name="Text">The line.</param>
internal sealed record OutputLine(string Stream, string Text);
