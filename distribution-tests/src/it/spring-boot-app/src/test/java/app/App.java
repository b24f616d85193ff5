package app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application: nothing but Spring Boot's auto-configuration (DataSource, Flyway, and the starter's). */
@SpringBootApplication
public class App {
}
