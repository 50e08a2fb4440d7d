package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.pipeline.run.PipelineTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/airflow/medflow_dag.py} cannot run here (no Airflow): it must compile, and every CLI
 * step it calls must exist with the flags it passes.
 */
class AirflowDagTest {
  private static final Path DAG = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy/airflow/medflow_dag.py");

  private static List<String> dagTasks() throws Exception {
    String src = Files.readString(DAG);
    Matcher list = Pattern.compile("TASKS = \\[(.*?)]", Pattern.DOTALL).matcher(src);
    assertThat(list.find()).as("TASKS list in the DAG").isTrue();
    List<String> out = new ArrayList<>();
    Matcher name = Pattern.compile("\"([a-z_]+)\"").matcher(list.group(1));
    while (name.find()) {
      out.add(name.group(1));
    }
    return out;
  }

  private static String help(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  @Test
  void theDagCompilesWithPython() throws Exception {
    Process p = new ProcessBuilder("python3", "-m", "py_compile", DAG.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void theDagRunsEveryPipelineTaskInOrderThroughCommandsThatExist() throws Exception {
    assertThat(dagTasks()).containsExactlyElementsOf(PipelineTask.wireNames());
    String src = Files.readString(DAG);
    assertThat(src).contains("pipeline begin --trigger airflow").contains("pipeline task {name} --run ");
    assertThat(help("pipeline", "begin", "--help")).contains("--trigger").contains("--landing");
    String task = help("pipeline", "task", "--help");
    assertThat(task).contains("--run=RUN_ID").contains("NAME");
    for (String t : dagTasks()) {
      assertThat(PipelineTask.of(t).wireName()).isEqualTo(t);
      assertThat(task).contains(t);
    }
  }
}
