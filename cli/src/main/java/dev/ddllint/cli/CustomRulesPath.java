package dev.ddllint.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --rules-path}: the jars or class folders holding a team's own rules, as a class loader. */
final class CustomRulesPath {

    private CustomRulesPath() {
    }

    /**
     * A loader over the jars, with the CLI's own as parent (so the rules see the rule API); the CLI's own when none
     * is given. Lives as long as the run: the CLI exits after it.
     *
     * @throws IllegalArgumentException naming a path that does not exist
     */
    static ClassLoader loader(List<Path> jars, ClassLoader parent) {
        if (jars == null || jars.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar) && !Files.isDirectory(jar)) {
                throw new IllegalArgumentException("--rules-path: " + jar + " does not exist");
            }
            try {
                urls.add(jar.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--rules-path: " + jar + " is not a usable path (" + e.getMessage()
                        + ")");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }
}
