package dev.ddllint.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the project's flyway-maven-plugin set-up says about migrations, read from the project model (nothing of
 * Flyway is loaded): its {@code <locations>} and {@code <placeholders>}, from the plugin's configuration, its
 * executions' configurations, and the {@code flyway.locations} / {@code flyway.placeholders.NAME} properties.
 */
final class FlywayModel {

    static final Set<String> FLYWAY_GROUPS = Set.of("org.flywaydb", "com.redgate.flyway");
    static final String FLYWAY_PLUGIN = "flyway-maven-plugin";

    private final boolean present;
    private final List<String> locations;
    private final Map<String, String> placeholders;

    private FlywayModel(boolean present, List<String> locations, Map<String, String> placeholders) {
        this.present = present;
        this.locations = locations;
        this.placeholders = placeholders;
    }

    static FlywayModel of(MavenProject project) {
        boolean present = false;
        Set<String> locations = new LinkedHashSet<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!FLYWAY_PLUGIN.equals(plugin.getArtifactId()) || !FLYWAY_GROUPS.contains(plugin.getGroupId())) {
                continue;
            }
            present = true;
            read(plugin.getConfiguration(), locations, placeholders);
            for (PluginExecution execution : plugin.getExecutions()) {
                read(execution.getConfiguration(), locations, placeholders);
            }
        }
        Properties properties = project.getProperties();
        String fromProperty = properties.getProperty("flyway.locations");
        if (fromProperty != null) {
            present = true;
            for (String l : fromProperty.split(",")) {
                if (!l.isBlank()) {
                    locations.add(l.strip());
                }
            }
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("flyway.placeholders.")) {
                placeholders.putIfAbsent(name.substring("flyway.placeholders.".length()),
                        properties.getProperty(name));
            }
        }
        return new FlywayModel(present, new ArrayList<>(locations), placeholders);
    }

    private static void read(Object configuration, Set<String> locations, Map<String, String> placeholders) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        Xpp3Dom list = dom.getChild("locations");
        if (list != null) {
            if (list.getChildCount() == 0 && list.getValue() != null) {
                for (String l : list.getValue().split(",")) {
                    if (!l.isBlank()) {
                        locations.add(l.strip());
                    }
                }
            }
            for (Xpp3Dom location : list.getChildren()) {
                if (location.getValue() != null && !location.getValue().isBlank()) {
                    locations.add(location.getValue().strip());
                }
            }
        }
        Xpp3Dom values = dom.getChild("placeholders");
        if (values != null) {
            for (Xpp3Dom p : values.getChildren()) {
                placeholders.putIfAbsent(p.getName(), p.getValue() == null ? "" : p.getValue());
            }
        }
    }

    /** True when the project declares flyway-maven-plugin or sets {@code flyway.locations}. */
    boolean present() {
        return present;
    }

    List<String> locations() {
        return locations;
    }

    Map<String, String> placeholders() {
        return placeholders;
    }
}
