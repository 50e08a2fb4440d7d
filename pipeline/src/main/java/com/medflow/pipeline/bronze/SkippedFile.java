package com.medflow.pipeline.bronze;

/** A landing file not ingested, and why (already ingested, same content twice in one run). */
public record SkippedFile(String file, String reason) {}
