package dev.ddllint.run;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code ddl-lint.yml} "on the classpath" is looked up. The Flyway callback has the application's class
 * loader; the Maven plugin has the project's resource folders (what lands on the classpath of the application the
 * migrations ship with); the CLI has neither.
 */
@FunctionalInterface
public interface ClasspathResources {

    /** No classpath: nothing is found. */
    ClasspathResources NONE = name -> null;

    /** The resource, or null when there is none. */
    URL find(String name);

    /** What {@code classpath:name} means, for messages. */
    default String describe() {
        return "the classpath";
    }

    static ClasspathResources of(ClassLoader loader) {
        return loader == null ? NONE : loader::getResource;
    }

    /** Resource folders, in order (for Maven: {@code src/main/resources} and the project's other resources). */
    static ClasspathResources ofFolders(List<Path> folders) {
        List<Path> copy = List.copyOf(folders);
        return new ClasspathResources() {
            @Override
            public URL find(String name) {
                for (Path folder : copy) {
                    Path p = folder.resolve(name);
                    if (Files.isRegularFile(p)) {
                        try {
                            return p.toUri().toURL();
                        } catch (MalformedURLException e) {
                            return null;
                        }
                    }
                }
                return null;
            }

            @Override
            public String describe() {
                return "the resource folders " + copy;
            }
        };
    }
}
