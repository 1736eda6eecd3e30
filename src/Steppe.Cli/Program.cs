using System.CommandLine;
using Steppe.Cli;

var root = new RootCommand("Steppe: question banks, flashcards and live quizzes.");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(Steppe.Cli.Srs.SrsCommands.Create());
root.Subcommands.Add(Steppe.Cli.Load.LiveLoadTest.Create());
return await root.Parse(args).InvokeAsync();
