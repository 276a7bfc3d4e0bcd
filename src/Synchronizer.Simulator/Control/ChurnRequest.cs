namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/churn</c>: <c>{"per_second": R}</c>; 0 stops it.</summary>
internal sealed record ChurnRequest(double PerSecond);
