package io.edgetimedb.engine.write;

/**
 * The limits a write is checked against that may change while the database runs (SQL
 * {@code SET}). Shared by every thread's {@link BatchWriter}, each of which reads them once per
 * batch, so a change applies from the next batch on and a batch is checked against one set.
 */
public final class WriteLimits {
  private volatile long outOfOrderWindowMillis;
  private volatile int maxValueLength;
  private volatile ClockPolicy clockPolicy = ClockPolicy.TRUSTING;
  private volatile int maxFields = Integer.MAX_VALUE;
  private volatile int maxSeries = Integer.MAX_VALUE;

  public WriteLimits(long outOfOrderWindowMillis, int maxValueLength) {
    this.outOfOrderWindowMillis = outOfOrderWindowMillis;
    this.maxValueLength = maxValueLength;
  }

  public long outOfOrderWindowMillis() {
    return outOfOrderWindowMillis;
  }

  public void outOfOrderWindowMillis(long millis) {
    outOfOrderWindowMillis = millis;
  }

  public int maxValueLength() {
    return maxValueLength;
  }

  public void maxValueLength(int length) {
    maxValueLength = length;
  }

  public ClockPolicy clockPolicy() {
    return clockPolicy;
  }

  public void clockPolicy(ClockPolicy policy) {
    clockPolicy = policy;
  }

  /** Most fields a point may carry and a measurement may have. */
  public int maxFields() {
    return maxFields;
  }

  public void maxFields(int fields) {
    maxFields = fields;
  }

  /** Most series the database may hold; a point that would add one more is refused. */
  public int maxSeries() {
    return maxSeries;
  }

  public void maxSeries(int series) {
    maxSeries = series;
  }
}
