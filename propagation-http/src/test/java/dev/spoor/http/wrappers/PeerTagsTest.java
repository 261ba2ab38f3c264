package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spoor.FinishedSpan;
import io.opentracing.Span;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerTagsTest {
  private final RecordingTracer recording = new RecordingTracer();

  @AfterEach
  void close() {
    recording.close();
  }

  @Test
  void hostNameIsTaggedAsHostnameWithTheSchemesDefaultPort() {
    Map<String, Object> tags = peerTagsOf(URI.create("https://api.example.com/v1"));
    assertEquals("api.example.com", tags.get("peer.hostname"));
    assertEquals(443, tags.get("peer.port"));
    assertNull(tags.get("peer.ipv4"));
  }

  @Test
  void ipv6LiteralIsTaggedWithoutBrackets() {
    Map<String, Object> tags = peerTagsOf(URI.create("http://[::1]:8080/"));
    assertEquals("::1", tags.get("peer.ipv6"));
    assertEquals(8080, tags.get("peer.port"));
    assertNull(tags.get("peer.hostname"));
  }

  @Test
  void ipv4LiteralIsTaggedAsAnAddress() {
    Map<String, Object> tags = peerTagsOf(URI.create("http://10.1.2.3/"));
    assertEquals("10.1.2.3", tags.get("peer.ipv4"));
    assertEquals(80, tags.get("peer.port"));
  }

  private Map<String, Object> peerTagsOf(URI uri) {
    Span span = recording.tracer.buildSpan("peer").start();
    UriTags.tagPeer(span, uri);
    span.finish();
    return ((FinishedSpan) span).tags();
  }
}
