package com.medflow.store.runs;

/** State of one task of a run's DAG. */
public enum TaskState { PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED }
