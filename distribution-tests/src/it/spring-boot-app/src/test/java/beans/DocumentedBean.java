package beans;

import dev.ddllint.flyway.DdlLintCallback;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** docs/flyway.md's wiring without the starter: the callback as a Callback bean that Spring Boot hands Flyway. */
@Configuration
public class DocumentedBean {

    @Bean
    Callback ddlLint() {
        return DdlLintCallback.builder().lockWaitTimeout(5).buildCallback();
    }
}
