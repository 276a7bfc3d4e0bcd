namespace Synchronizer.FunctionalTests.Security;

/// <summary>Looks for every spelling of every secret in every line of a run's output.</summary>
internal static class SecretScanner
{
    /// <summary>Scans the output; case is ignored so that <c>%2f</c> matches <c>%2F</c>.</summary>
    /// <param name="output">Every line the run wrote, in order.</param>
    /// <param name="secrets">The secrets that must not appear.</param>
    /// <returns>One finding per line, secret and spelling; empty when nothing leaked.</returns>
    public static IReadOnlyList<SecretFinding> Scan(IReadOnlyList<OutputLine> output, IEnumerable<Secret> secrets)
    {
        ArgumentNullException.ThrowIfNull(output);
        var forms = secrets.SelectMany(s => s.Forms().Select(f => (s.Kind, f.Form, f.Text))).ToList();
        var findings = new List<SecretFinding>();
        for (var i = 0; i < output.Count; i++)
        {
            foreach (var (kind, form, text) in forms)
            {
                if (output[i].Text.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(new SecretFinding(kind, form, i + 1, output[i].Stream));
                }
            }
        }

        return findings;
    }

    /// <summary>Describes findings for an assertion message: kinds, spellings and line numbers, never a value.</summary>
    public static string Describe(IReadOnlyList<SecretFinding> findings, int linesScanned) =>
        $"{findings.Count} secret occurrence(s) in {linesScanned} lines of output:{Environment.NewLine}" +
        string.Join(Environment.NewLine, findings.Select(f => "  " + f));

    /// <summary>Joins lines for a failure message about something else, every secret replaced by its kind.</summary>
    public static string Masked(IEnumerable<OutputLine> lines, IEnumerable<Secret> secrets)
    {
        var forms = secrets.SelectMany(s => s.Forms().Select(f => (s.Kind, f.Text))).OrderByDescending(f => f.Text.Length).ToList();
        return string.Join(Environment.NewLine, lines.Select(line => forms.Aggregate(line.Text, (text, f) => text.Replace(f.Text, $"<{f.Kind}>", StringComparison.OrdinalIgnoreCase))));
    }
}
