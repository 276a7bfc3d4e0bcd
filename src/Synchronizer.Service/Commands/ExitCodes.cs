namespace Synchronizer.Service.Commands;

/// <summary>Exit codes of the <c>synchronizer</c> command; the README's command-line section lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Anything else went wrong, including a command line that does not parse (System.CommandLine's own code).</summary>
    public const int Failure = 1;

    /// <summary>The configuration is missing, malformed or invalid; nothing was started.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The broker could not be reached, or the service did not answer (not running, or no answer in time).</summary>
    public const int ServiceUnreachable = 3;

    /// <summary>The service refused the call: one of the contract's RPC errors (for example <c>UnknownEntityType</c>).</summary>
    public const int RpcError = 4;

    /// <summary>The service answered, but a poll a <c>sync</c> asked for failed.</summary>
    public const int SyncFailed = 5;

    /// <summary>Stopped by Ctrl-C or SIGTERM before it finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
