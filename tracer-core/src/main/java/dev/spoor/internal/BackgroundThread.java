package dev.spoor.internal;

/**
 * Makes Spoor's own threads (the reporter, the sampling poller, the HTTP watchdog): daemon threads
 * with a clear {@code spoor-} name that take nothing from the thread that happens to create them.
 * They inherit no thread-locals (not the MDC of the request whose span started the tracer) and have
 * no context class loader: in a servlet container the creating thread's loader is the web
 * application's, and a thread holding it keeps the whole application in memory after undeploy
 * (Tomcat's "appears to have started a thread ... but has failed to stop it" warning). Nothing on
 * these threads loads classes through the context class loader. Not API.
 */
public final class BackgroundThread {
  private BackgroundThread() {}

  /** A new, not yet started, daemon thread named {@code name} that runs {@code task}. */
  public static Thread create(String name, Runnable task) {
    Thread thread = new Thread(null, task, name, 0, false);
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    return thread;
  }
}
