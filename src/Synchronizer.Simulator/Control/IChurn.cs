namespace Synchronizer.Simulator.Control;

/// <summary>Random changes to one kind of resource, for <see cref="ChurnEngine"/>.</summary>
internal interface IChurn
{
    /// <summary>Gets how many live resources there are; churn picks a kind in proportion to it.</summary>
    int Population { get; }

    /// <summary>Makes one change: <paramref name="roll"/> in [0, 1) picks the kind of change, <paramref name="pick"/> its details.</summary>
    void Step(double roll, int pick);
}
