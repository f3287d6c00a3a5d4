/** Sizes of one benchmark run, the same for Hangar and every peer. */
export interface BenchSizes {
  /** Jobs enqueued in bulk and then processed. */
  jobs: number;
  /** Sequential samples of enqueue-to-start latency. */
  latencySamples: number;
  /**
   * Unmeasured latency samples sent first, so that the measured ones time the steady state of
   * a long-running worker rather than the JIT compiling the single-enqueue and hand-over paths.
   */
  latencyWarmup: number;
  /**
   * Pause before each latency sample, in ms: 0 sends each enqueue as soon as the previous job
   * started (the worker may still be recording it); a few ms leave the worker idle.
   */
  latencyGapMs: number;
  /** Worker concurrency. */
  concurrency: number;
}
