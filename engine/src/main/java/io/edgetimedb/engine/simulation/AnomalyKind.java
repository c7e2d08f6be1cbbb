package io.edgetimedb.engine.simulation;

/** The ways a failing sensor or machine bends its readings, as detectors must learn to spot them. */
public enum AnomalyKind {
  /** One reading far off, then back to normal: a glitch, a loose contact. */
  SPIKE,
  /** The readings jump to a new level and stay there: a recalibration, a blocked filter. */
  LEVEL_SHIFT,
  /** The readings move away slowly, linearly, until the offset reaches the magnitude: a failing sensor, wear. */
  DRIFT,
  /** The same reading over and over: a frozen sensor or a dead transmitter repeating its last value. */
  STUCK,
  /** Much stronger noise around the normal reading: a bearing going bad, electrical interference. */
  NOISE_BURST,
  /** No readings at all: a cable cut, a sensor off line. Applies to every kind of sensor. */
  DROPOUT
}
