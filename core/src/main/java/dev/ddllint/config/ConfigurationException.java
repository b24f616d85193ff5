package dev.ddllint.config;

/** A configuration the tool cannot use; the message names the file and line. */
public final class ConfigurationException extends Exception {
    public ConfigurationException(String message) {
        super(message);
    }
}
