namespace Synchronizer.Service.Configuration.Validation;

/// <summary>Finds the known name a misspelt one was probably meant to be, for "did you mean" hints.</summary>
internal static class NearestName
{
    /// <summary>Finds the candidate closest to <paramref name="name"/>, ignoring case.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="candidates">The names that exist.</param>
    /// <returns>The closest candidate within a third of the name's length in edits (at least two), or <see langword="null"/>.</returns>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var budget = Math.Max(2, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= budget && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    // Levenshtein distance, one row at a time; names are short.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
