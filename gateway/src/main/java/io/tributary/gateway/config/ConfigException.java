package io.tributary.gateway.config;

/** A configuration file the gateway cannot start with; says where and what was expected. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the file, as the user named it
   * @param path the path inside it, like {@code domains[1].connection.url}; empty for the whole file
   * @param problem what is wrong and what was expected
   */
  public ConfigException(String file, String path, String problem) {
    super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
  }

  public ConfigException(String file, String path, String problem, Throwable cause) {
    super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem, cause);
  }
}
