package com.medflow.cli.commands;

import picocli.CommandLine.Command;

/** {@code medflow bench}: benchmarks that print figures (never tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: print timings.",
    subcommands = {BenchPipelineCommand.class, BenchSqlCommand.class})
public final class BenchCommand {}
