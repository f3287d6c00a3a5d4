/** Sizes of one benchmark run, the same for Hangar and every peer. */
export interface BenchSizes {
  /** Jobs enqueued in bulk and then processed. */
  jobs: number;
  /** Sequential samples of enqueue-to-start latency, in each of the two series. */
  latencySamples: number;
  /**
   * Unmeasured latency samples sent first, so that the measured ones time the steady state of
   * a long-running worker rather than the JIT compiling the single-enqueue and hand-over paths.
   */
  latencyWarmup: number;
  /**
   * Pause before each sample of the idle series, in ms, which leaves every system's worker idle
   * (the back-to-back series sends each enqueue as soon as the previous job started, while the
   * worker may still be recording it).
   */
  latencyGapMs: number;
  /** Worker concurrency. */
  concurrency: number;
}
