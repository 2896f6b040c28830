using System.CommandLine;
using Pipeline.Cli.Commands;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>The <c>pipeline</c> executable's real command tree (the same <see cref="CommandCatalog"/> Program.cs builds), for parsing container args.</summary>
internal static class PipelineCli
{
    private static readonly RootCommand Root = Build();

    /// <summary>Parses <paramref name="args"/> as the image's entrypoint would receive them.</summary>
    public static ParseResult Parse(IEnumerable<string> args) => Root.Parse([.. args]);

    /// <summary>What the CLI rejects in <paramref name="args"/>: unknown commands and options, unparsable values.</summary>
    public static IReadOnlyList<string> Errors(IEnumerable<string> args) => [.. Parse(args).Errors.Select(e => e.Message)];

    /// <summary>The value of <paramref name="option"/> (its default when the args leave it out).</summary>
    public static T? Value<T>(IEnumerable<string> args, string option) => Parse(args).GetValue<T>(option);

    private static RootCommand Build()
    {
        var root = new RootCommand("pipeline");
        foreach (var command in CommandCatalog.Create()) root.Subcommands.Add(command);
        return root;
    }
}
