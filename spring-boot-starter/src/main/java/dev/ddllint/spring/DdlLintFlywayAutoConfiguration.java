package dev.ddllint.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Spring Boot 3: the callback joins Spring's Flyway through a {@code FlywayConfigurationCustomizer}. */
@AutoConfiguration
@ConditionalOnClass(name = {"org.flywaydb.core.Flyway",
        "org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer"})
@EnableConfigurationProperties(DdlLintProperties.class)
public class DdlLintFlywayAutoConfiguration {

    @Bean
    FlywayConfigurationCustomizer ddlLintFlywayConfigurationCustomizer(DdlLintProperties properties,
                                                                      Environment environment) {
        var callback = SpringSettings.callback(properties, environment); // checked now, at start
        return configuration -> FlywayCallbackRegistration.register(configuration, callback);
    }
}
