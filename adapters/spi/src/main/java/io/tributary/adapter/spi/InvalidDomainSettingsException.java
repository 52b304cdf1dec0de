package io.tributary.adapter.spi;

/** A domain's configuration that its adapter cannot work with; stops start-up. */
public final class InvalidDomainSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String domain;
  private final String setting;

  /**
   * @param domain the domain whose settings are wrong
   * @param setting the path of the setting inside the domain, for example {@code connection.url}
   * @param problem what is wrong and what was expected
   */
  public InvalidDomainSettingsException(String domain, String setting, String problem) {
    super("domain `" + domain + "`: " + setting + " " + problem);
    this.domain = domain;
    this.setting = setting;
  }

  public String domain() {
    return domain;
  }

  /** Path of the offending setting relative to the domain, e.g. {@code connection.url}. */
  public String setting() {
    return setting;
  }

  /** The problem without the domain prefix, for messages that say where the domain is. */
  public String problem() {
    return getMessage().substring(getMessage().indexOf(setting) + setting.length() + 1);
  }
}
