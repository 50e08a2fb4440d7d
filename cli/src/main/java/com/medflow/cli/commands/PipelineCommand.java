package com.medflow.cli.commands;

import picocli.CommandLine.Command;

/** {@code medflow pipeline}: groups the pipeline subcommands. */
@Command(name = "pipeline", description = "Run the medallion pipeline.", mixinStandardHelpOptions = true,
    subcommands = {PipelineRunCommand.class, PipelineBeginCommand.class, PipelineTaskCommand.class,
        PipelineResumeCommand.class, PipelineBackfillCommand.class, PipelineCancelCommand.class})
public final class PipelineCommand {}
