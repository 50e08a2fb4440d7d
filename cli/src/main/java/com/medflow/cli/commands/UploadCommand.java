package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.pipeline.landing.LandingUploads;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medflow upload --payer NAME FILE...}: payer files into the landing zone for the next pipeline run. */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = {"Put payer files into the landing zone as <landing.dir>/<payer folder>/<file name>: S3 objects",
        "(s3://bucket/prefix) or copies into a landing folder. Prints each location on standard output.",
        "A file already there with the same content is left alone; other content is refused unless --replace."})
public final class UploadCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--payer", required = true, paramLabel = "NAME", description = "Payer name or folder (Aetna, aetna, ...).")
  String payer;

  @Option(names = "--replace", description = "Overwrite a file of the same name with other content.")
  boolean replace;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Claim files (.csv) to upload.")
  List<Path> files;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    LandingUploads uploads = new LandingUploads(services.config().pipeline().landing(), services.mappings(), services.s3());
    PayerMapping mapping = uploads.payer(payer);
    Terminal term = Terminal.stderr();
    PrintWriter out = spec.commandLine().getOut();
    for (Path f : files) {
      long t0 = System.currentTimeMillis();
      LandingUploads.Upload u = uploads.upload(f, mapping, replace);
      term.line(String.format(Locale.ROOT, "  %s %s -> %s (%.1f MB%s) in %s", u.unchanged() ? "already there:" : "uploaded",
          f, u.location(), u.bytes() / 1e6, u.etag().map(e -> ", ETag " + e).orElse(""),
          Terminal.seconds(System.currentTimeMillis() - t0)));
      out.println(u.location());
    }
    out.flush();
    return 0;
  }
}
