package dev.spoor.http.wrappers;

import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 on 127.0.0.1 and an ephemeral port, stopped by {@link #close()}. */
final class LoopbackJetty implements AutoCloseable {
  private final Server server;
  private final int port;

  private LoopbackJetty(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server whose only handler is {@code handler} (e.g. a servlet context). */
  static LoopbackJetty start(Handler handler) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
    return new LoopbackJetty(server, connector.getLocalPort());
  }

  int port() {
    return port;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
