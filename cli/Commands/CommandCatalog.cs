using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>Every sub-command of the <c>pipeline</c> executable; one factory per command, one file each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        // Each command lives in its own file in this folder and adds one line here.
        yield return BrokerCommand.Create();
    }
}
