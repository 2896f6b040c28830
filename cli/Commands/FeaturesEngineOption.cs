using System.CommandLine;
using Pipeline.Features.Service;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>--engine</c> option of the commands that run the features stage.</summary>
internal static class FeaturesEngineOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--engine")
        {
            Description = $"Features stage engine: {string.Join(" or ", FeaturesEngines.All)} (README: \"Features stage engines\").",
            DefaultValueFactory = _ => FeaturesEngines.Default,
        };
        option.AcceptOnlyFromAmong([.. FeaturesEngines.All]);
        return option;
    }
}
