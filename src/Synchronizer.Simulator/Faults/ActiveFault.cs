namespace Synchronizer.Simulator.Faults;

/// <summary>A fault rule in force, with its own count of requests left to skip and to fail; used only under <see cref="FaultRegistry"/>'s lock.</summary>
internal sealed class ActiveFault
{
    private int _skipLeft;
    private int? _timesLeft;

    public ActiveFault(FaultRule rule)
    {
        Rule = rule;
        _skipLeft = rule.Skip;
        _timesLeft = rule.Times;
    }

    public FaultRule Rule { get; }

    public bool Exhausted => _timesLeft == 0;

    public bool Matches(string service, string method, string path, string query) =>
        (Rule.Service is null || string.Equals(Rule.Service, service, StringComparison.OrdinalIgnoreCase))
        && (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
        && (Rule.PathContains is null || path.Contains(Rule.PathContains, StringComparison.Ordinal))
        && (Rule.QueryContains is null || query.Contains(Rule.QueryContains, StringComparison.Ordinal));

    public bool Fire()
    {
        if (_skipLeft > 0)
        {
            _skipLeft--;
            return false;
        }

        if (_timesLeft is not null)
        {
            _timesLeft--;
        }

        return true;
    }
}
