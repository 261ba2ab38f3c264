package dev.spoor.http.wrappers;

/**
 * Names the span of one HTTP request. Keep the result low in cardinality: tracing back ends index
 * spans by operation name, so one name per URL (with its ids) floods them.
 */
@FunctionalInterface
public interface OperationNamer {
  /** The HTTP method alone, e.g. {@code GET}: the default on the client side. */
  OperationNamer METHOD = new OperationNamer() {
    @Override
    public String operationName(HttpRequestInfo request) {
      return request.method();
    }

    @Override
    public String toString() {
      return "OperationNamer.METHOD";
    }
  };

  /**
   * The method and the route the request matched, e.g. {@code GET /users/*}, or the method alone
   * when there is no route: the default on the server side. A route is a pattern the application
   * registered (a JDK {@code HttpContext} path, a servlet mapping), so its values are few.
   */
  OperationNamer METHOD_AND_ROUTE = new MethodAndRouteNamer();

  /**
   * The operation name for {@code request}; must not return null. Called once per request, on the
   * thread that starts the span; an exception is caught and the method alone is used instead.
   */
  String operationName(HttpRequestInfo request);
}
