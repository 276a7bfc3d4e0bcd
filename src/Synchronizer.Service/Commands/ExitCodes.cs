namespace Synchronizer.Service.Commands;

/// <summary>Exit codes of the <c>synchronizer</c> command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int InvalidConfiguration = 2;
}
