using System.CommandLine;

namespace Synchronizer.Service.Commands.Client;

/// <summary>A command whose <c>--help</c> ends with examples (see <see cref="ExamplesHelp"/>).</summary>
internal sealed class DocumentedCommand : Command
{
    /// <summary>Initializes a new instance of the <see cref="DocumentedCommand"/> class.</summary>
    /// <param name="name">The command's name.</param>
    /// <param name="description">What it does, for <c>--help</c>.</param>
    /// <param name="examples">Command lines, each with a <c># comment</c> saying what it does.</param>
    public DocumentedCommand(string name, string description, params string[] examples)
        : base(name, description) => Examples = examples;

    /// <summary>Gets the examples, in the order <c>--help</c> shows them.</summary>
    public IReadOnlyList<string> Examples { get; }
}
