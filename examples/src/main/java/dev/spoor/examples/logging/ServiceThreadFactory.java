package dev.spoor.examples.logging;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Makes the threads of one demo service: named {@code <service>-<n>}, daemons, and with the
 * service name in the MDC under {@link LogfmtLayout#SERVICE_KEY} for their whole life, so every
 * log line they write says which service wrote it (four services share one JVM in the demo).
 */
public final class ServiceThreadFactory implements ThreadFactory {
  private final String serviceName;
  private final AtomicInteger count = new AtomicInteger();

  /** A factory for the threads of {@code serviceName}. */
  public ServiceThreadFactory(String serviceName) {
    if (serviceName == null) {
      throw new NullPointerException("serviceName == null");
    }
    this.serviceName = serviceName;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(() -> {
      MDC.put(LogfmtLayout.SERVICE_KEY, serviceName);
      task.run();
    }, serviceName + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
