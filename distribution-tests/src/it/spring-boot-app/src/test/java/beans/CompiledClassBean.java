package beans;

import dev.ddllint.flyway.DdlLintCallback;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wiring that crashed Spring Boot 3.4 / 3.5: the class compiled against Flyway 11.20 itself as the bean. */
@Configuration
public class CompiledClassBean {

    @Bean
    Callback ddlLint() {
        return DdlLintCallback.builder().build();
    }
}
