package io.edgetimedb.server.simulation;

/** The SHARE part of {@code --clock-skew} and {@code --late}: a fraction from 0 to 1. */
final class Share {
  private Share() {}

  static double parse(String text) {
    double share;
    try {
      share = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      share = Double.NaN;
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("SHARE '" + text + "' is not a fraction between 0 and 1");
    }
    return share;
  }
}
