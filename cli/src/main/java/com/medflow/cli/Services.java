package com.medflow.cli;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.SparkSessions;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.store.AppDatabase;
import com.medflow.store.runs.RunStore;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/**
 * The composition root: builds each long-lived object once, on first use, from the typed
 * configuration, and hands them to the objects that need them. Only commands call it.
 */
public final class Services implements AutoCloseable {
  private final MedflowConfig config;
  private final Clock clock;
  private SparkSession spark;
  private Lake lake;
  private AppDatabase appDb;
  private PayerMappings mappings;
  private Icd10Cm icd10;

  public Services(MedflowConfig config, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public MedflowConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(config, "medflow");
    }
    return spark;
  }

  public synchronized Lake lake() {
    if (lake == null) {
      lake = new Lake(spark(), config.catalog().name());
    }
    return lake;
  }

  public synchronized AppDatabase appDb() {
    if (appDb == null) {
      appDb = AppDatabase.open(config.appDb());
    }
    return appDb;
  }

  public RunStore runStore() {
    return new RunStore(appDb());
  }

  public synchronized PayerMappings mappings() {
    if (mappings == null) {
      mappings = PayerMappings.load(config.pipeline().payersDir());
    }
    return mappings;
  }

  public synchronized Icd10Cm icd10() {
    if (icd10 == null) {
      icd10 = Icd10Cm.load();
    }
    return icd10;
  }

  public PipelineRunner pipelineRunner(double threshold, PipelineListener listener) {
    return new PipelineRunner(lake(), runStore(), mappings(), icd10(), new QualityGate(threshold), clock, listener);
  }

  @Override
  public synchronized void close() {
    if (appDb != null) {
      appDb.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }
}
