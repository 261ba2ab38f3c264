package dev.spoor.http.wrappers;

/**
 * {@link OperationNamer#METHOD_AND_ROUTE}: {@code GET /users}, or the method alone without a route.
 * A server handler sees the same few method and route pairs again and again, so the last name
 * built is kept and reused while the pair repeats, instead of concatenating on every request.
 */
final class MethodAndRouteNamer implements OperationNamer {
  /** The last name built, with the pair it was built from; immutable, so safe to share. */
  private static final class Named {
    final String method;
    final String route;
    final String name;

    Named(String method, String route, String name) {
      this.method = method;
      this.route = route;
      this.name = name;
    }
  }

  // A plain field: a thread that sees a stale or no value only builds the name again.
  private Named last;

  @Override
  public String operationName(HttpRequestInfo request) {
    String method = request.method();
    String route = request.route();
    if (route == null || route.isEmpty()) {
      return method;
    }
    Named named = last;
    if (named != null && named.route.equals(route) && named.method.equals(method)) {
      return named.name;
    }
    String name = method + ' ' + route;
    last = new Named(method, route, name);
    return name;
  }

  @Override
  public String toString() {
    return "OperationNamer.METHOD_AND_ROUTE";
  }
}
