namespace Synchronizer.Simulator.Faults;

/// <summary>The active fault rules, each counting its skipped and its remaining requests.</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _rules = [];

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    /// <exception cref="ArgumentException">The rule's kind, status or counts make no sense.</exception>
    public void Add(FaultRule rule)
    {
        if (!FaultKinds.All.Contains(rule.Kind))
        {
            throw new ArgumentException($"Unknown fault kind '{rule.Kind}'; expected one of: {string.Join(", ", FaultKinds.All)}.", nameof(rule));
        }

        if (rule.Skip < 0 || rule.Times is < 1 || rule.DelayMs is < 0 || rule.Status is < 100 or > 599)
        {
            throw new ArgumentException("skip and delay_ms must not be negative, times must be at least 1, status must be an HTTP status.", nameof(rule));
        }

        lock (_gate)
        {
            _rules.Add(new ActiveFault(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The first rule that fires for this request, counting it; null when none does.</summary>
    public FaultRule? Match(string service, string method, string path, string query)
    {
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                if (active.Matches(service, method, path, query) && active.Fire())
                {
                    if (active.Exhausted)
                    {
                        _rules.Remove(active);
                    }

                    return active.Rule;
                }
            }

            return null;
        }
    }
}
