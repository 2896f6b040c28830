using System.CommandLine;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Runs a parsed command line so that bad input from the user (a missing or malformed file) ends in one line naming the
/// command and the offending file or line, exit code 2, instead of a stack trace; anything else is still a crash report.
/// </summary>
public static class CommandInvocation
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error });
        }
        catch (Exception e) when (IsInputError(e))
        {
            await error.WriteLineAsync($"{parsed.CommandResult.Command.Name}: {e.Message}");
            return 2;
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) await error.WriteLineAsync($"Unhandled exception: {e}");
            return 1;
        }
    }

    private static bool IsInputError(Exception e) =>
        e is TraceFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException;
}
