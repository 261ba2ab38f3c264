package dev.spoor.examples.agent;

import io.jaegertracing.thriftjava.Tag;
import java.util.Base64;
import java.util.List;

/** Reads a Jaeger Thrift tag's value in string form, whichever typed field carries it. */
final class TagValues {
  private TagValues() {}

  static String find(List<Tag> tags, String key) {
    if (tags == null) {
      return null;
    }
    for (Tag tag : tags) {
      if (key.equals(tag.getKey())) {
        return valueOf(tag);
      }
    }
    return null;
  }

  static String valueOf(Tag tag) {
    if (tag.getVType() == null) {
      return null;
    }
    switch (tag.getVType()) {
      case STRING:
        return tag.getVStr();
      case BOOL:
        return Boolean.toString(tag.isVBool());
      case LONG:
        return Long.toString(tag.getVLong());
      case DOUBLE:
        return Double.toString(tag.getVDouble());
      case BINARY:
        return tag.getVBinary() == null ? null : Base64.getEncoder().encodeToString(tag.getVBinary());
      default:
        return null;
    }
  }
}
