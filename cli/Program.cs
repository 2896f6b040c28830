using System.CommandLine;
using Pipeline.Cli.Commands;

var root = new RootCommand("pipeline: AI-driven autoscaling and load balancing as a streaming pipeline on Kafka.");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

return await CommandInvocation.InvokeAsync(root, args);
