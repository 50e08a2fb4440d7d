package com.medflow.pipeline.run;

import java.util.List;

/** The tasks of a pipeline run, in DAG order (each depends on the one before). */
public enum PipelineTask {
  INGEST("ingest"),
  VERIFY_BRONZE("verify_bronze"),
  TRANSFORM("transform"),
  GATE("gate"),
  WRITE_SILVER("write_silver"),
  VERIFY_SILVER("verify_silver"),
  AGGREGATE("aggregate"),
  VERIFY_GOLD("verify_gold"),
  PUBLISH("publish");

  private final String wireName;

  PipelineTask(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The task of a wire name; fails naming the known ones. */
  public static PipelineTask of(String wireName) {
    for (PipelineTask t : values()) {
      if (t.wireName.equals(wireName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Invalid task: " + wireName + " (tasks: " + String.join(", ", wireNames()) + ")");
  }

  public static List<String> wireNames() {
    return java.util.Arrays.stream(values()).map(PipelineTask::wireName).toList();
  }
}
