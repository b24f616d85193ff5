package dev.ddllint.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Spring Boot 4: as {@link DdlLintFlywayAutoConfiguration}, with Boot 4's customizer (module spring-boot-flyway). */
@AutoConfiguration
@ConditionalOnClass(name = {"org.flywaydb.core.Flyway",
        "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer"})
@EnableConfigurationProperties(DdlLintProperties.class)
public class DdlLintFlyway4AutoConfiguration {

    @Bean
    FlywayConfigurationCustomizer ddlLintFlywayConfigurationCustomizer(DdlLintProperties properties,
                                                                      Environment environment) {
        var callback = SpringSettings.callback(properties, environment); // checked now, at start
        return configuration -> FlywayCallbackRegistration.register(configuration, callback);
    }
}
