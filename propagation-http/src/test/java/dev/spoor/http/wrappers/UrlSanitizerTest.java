package dev.spoor.http.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlSanitizerTest {
  @Test
  void dropsUserInfoAndFragment() {
    assertEquals("https://example.com:8443/a%20b?q=1",
        UriTags.url(URI.create("https://alice:secret@example.com:8443/a%20b?q=1#frag")));
  }

  @Test
  void redactsWellKnownCredentialParametersWhateverTheirCase() {
    assertEquals("http://h/p?API_KEY=REDACTED&x=1&X-Amz-Signature=REDACTED&tokenish=2",
        UriTags.url(URI.create("http://h/p?API_KEY=k&x=1&X-Amz-Signature=s&tokenish=2")));
  }

  @Test
  void keepsEmptyAndValuelessParametersAsTheyWere() {
    StringBuilder out = new StringBuilder();
    UrlSanitizer.appendQuery(out, "a&&token&password=&b=");
    assertEquals("a&&token&password=REDACTED&b=", out.toString());
  }

  @Test
  void aUrlWithNothingToRemoveIsTaggedAsWritten() {
    assertEquals("http://127.0.0.1:8080/users/42",
        UriTags.url(URI.create("http://127.0.0.1:8080/users/42")));
    assertEquals("https://[::1]/a%20b", UriTags.url(URI.create("https://[::1]/a%20b")));
    assertEquals("http://h:0/p", UriTags.url(URI.create("http://h:0/p")));
  }

  @Test
  void emptyAndZeroPaddedPortsAreWrittenAsNumbers() {
    assertEquals("http://h/p", UriTags.url(URI.create("http://h:/p")));
    assertEquals("http://h:80/p", UriTags.url(URI.create("http://h:080/p")));
  }

  @Test
  void emptyPathBecomesSlash() {
    assertEquals("http://h/", UriTags.url(URI.create("http://h")));
  }

  @Test
  void hostHeaderWithUrlSyntaxIsNotTrusted() {
    assertTrue(HostHeader.isPlausible("example.com:8080"));
    assertTrue(HostHeader.isPlausible("[::1]:80"));
    assertFalse(HostHeader.isPlausible("evil.com/x?y="));
    assertFalse(HostHeader.isPlausible("user@host"));
    assertFalse(HostHeader.isPlausible(""));
    assertFalse(HostHeader.isPlausible("a".repeat(300)));
  }

  @Test
  void addressLiteralsAreRecognisedWithoutLookup() {
    assertTrue(PeerTags.isIpv4Literal("10.0.0.1"));
    assertFalse(PeerTags.isIpv4Literal("10.0.0.example"));
    assertFalse(PeerTags.isIpv4Literal("localhost"));
  }
}
