package dev.spoor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The process tags jaeger-client-java adds to every tracer: {@code hostname}, {@code ip} and
 * {@code jaeger.version} (here {@code Spoor-Java-<version>}). Looked up once per process.
 */
final class ProcessTags {
  static final String HOSTNAME = "hostname";
  static final String IP = "ip";
  static final String CLIENT_VERSION = "jaeger.version";
  static final String VERSION = readVersion();

  private static volatile Map<String, Object> defaults;

  private ProcessTags() {}

  static Map<String, Object> defaults() {
    Map<String, Object> result = defaults;
    if (result == null) {
      result = lookUp();
      defaults = result;
    }
    return result;
  }

  private static Map<String, Object> lookUp() {
    Map<String, Object> tags = new LinkedHashMap<>();
    try {
      InetAddress local = InetAddress.getLocalHost();
      tags.put(HOSTNAME, local.getHostName());
      tags.put(IP, local.getHostAddress());
    } catch (UnknownHostException | SecurityException e) {
      // A host without a resolvable name still traces; the tags are only descriptive.
    }
    tags.put(CLIENT_VERSION, "Spoor-Java-" + VERSION);
    return tags;
  }

  private static String readVersion() {
    try (InputStream in = ProcessTags.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }
}
