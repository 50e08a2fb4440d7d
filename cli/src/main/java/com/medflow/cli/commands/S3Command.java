package com.medflow.cli.commands;

import picocli.CommandLine.Command;

/** {@code medflow s3}: the development S3 server (S3Proxy on the file system under home). */
@Command(name = "s3", mixinStandardHelpOptions = true,
    description = {"The development S3 server: S3Proxy with its file-system backend under s3.server-dir, on the",
        "s3.endpoint of this machine (default http://127.0.0.1:9000), with credentials generated into the server folder."},
    subcommands = {S3StartCommand.class, S3StopCommand.class, S3StatusCommand.class})
public final class S3Command {}
