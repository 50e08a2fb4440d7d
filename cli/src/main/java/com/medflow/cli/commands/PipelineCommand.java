package com.medflow.cli.commands;

import picocli.CommandLine.Command;

/** {@code medflow pipeline}: groups the pipeline subcommands. */
@Command(name = "pipeline", description = "Run the medallion pipeline.", mixinStandardHelpOptions = true,
    subcommands = {PipelineRunCommand.class})
public final class PipelineCommand {}
