package dev.spoor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.HttpURLConnection;
import java.net.URL;
import org.junit.jupiter.api.Test;

class HttpConnectionsTest {
  @Test
  void hidesTheUserInfoOfEveryUrlInATextUpToItsLastAt() {
    assertEquals("GET http://***@agent:5778/sampling?x=a@b failed, see https://***@h/",
        HttpConnections.withoutUserInfo(
            "GET http://admin:s3cret@agent:5778/sampling?x=a@b failed, see https://u:p@ss@h/"));
  }

  @Test
  void leavesTextWithoutUserInfoAsItIs() {
    assertEquals("Connection refused", HttpConnections.withoutUserInfo("Connection refused"));
    assertEquals("http://agent:5778/x?mail=a@b#c@d",
        HttpConnections.withoutUserInfo("http://agent:5778/x?mail=a@b#c@d"));
    assertNull(HttpConnections.withoutUserInfo(null));
  }

  @Test
  void anEndpointForALogHasNoUserInfoNoLineBreakAndABoundedLength() {
    assertEquals("http://***@agent:5778/sampling??forged",
        HttpConnections.endpointForLog("http://admin:pw@agent:5778/sampling\r\nforged"));
    String shown = HttpConnections.endpointForLog("http://agent/" + "x".repeat(1000));
    assertEquals(HttpConnections.MAX_ENDPOINT_LENGTH + 3, shown.length());
  }

  @Test
  void opensAConnectionWithBothTimeoutsAndNoCache() throws Exception {
    HttpURLConnection connection =
        HttpConnections.open(new URL("http://127.0.0.1:9/never-connected"), 1234);
    assertEquals(1234, connection.getConnectTimeout());
    assertEquals(1234, connection.getReadTimeout());
    assertFalse(connection.getUseCaches());
  }
}
