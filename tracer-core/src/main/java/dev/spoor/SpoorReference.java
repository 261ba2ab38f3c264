package dev.spoor;

import io.opentracing.References;

/** A span's reference to another span: OpenTracing's {@code child_of} or {@code follows_from}. */
public final class SpoorReference {
  private final String type;
  private final SpoorSpanContext context;

  SpoorReference(String type, SpoorSpanContext context) {
    this.type = type;
    this.context = context;
  }

  /** {@link References#CHILD_OF} or {@link References#FOLLOWS_FROM}. */
  public String type() {
    return type;
  }

  /** True for a {@code child_of} reference. */
  public boolean isChildOf() {
    return References.CHILD_OF.equals(type);
  }

  /** The referenced span's context. */
  public SpoorSpanContext context() {
    return context;
  }

  @Override
  public String toString() {
    return type + "(" + context + ")";
  }
}
