package dev.ddllint.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code testcontainers:} scratch URLs read: the image, the default tag, the do-it-yourself line, bad images. */
class ContainerScratchUrlTest {

    @Test
    void anImageWithATagIsReadAsDockerNamesIt() {
        ContainerScratchUrl mysql = ContainerScratchUrl.parse("testcontainers:mysql:8.4.3");
        assertThat(mysql.image()).isEqualTo("mysql:8.4.3");
        assertThat(mysql.mariadb()).isFalse();
        ContainerScratchUrl mariadb = ContainerScratchUrl.parse(" TestContainers:MariaDB:10.11 ");
        assertThat(mariadb.image()).isEqualTo("mariadb:10.11");
        assertThat(mariadb.mariadb()).isTrue();
        assertThat(mariadb.url()).isEqualTo("TestContainers:MariaDB:10.11");
        // no tag: Docker's default, latest (the docs say to pin one)
        assertThat(ContainerScratchUrl.parse("testcontainers:mysql").image()).isEqualTo("mysql:latest");
    }

    @Test
    void theDoItYourselfLineStartsTheSameImageAndNamesTheUrlToGive() {
        assertThat(ContainerScratchUrl.parse("testcontainers:mysql:8.4.3").doItYourself())
                .contains("docker run -d --rm -e MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mysql:8.4.3")
                .contains("'jdbc:mysql://127.0.0.1:3306/?user=root' with DDL_LINT_SCRATCH_PASSWORD=scratch");
        assertThat(ContainerScratchUrl.parse("testcontainers:mariadb:10.11").doItYourself())
                .contains("-e MARIADB_ROOT_PASSWORD=scratch").contains(" mariadb:10.11)");
    }

    @Test
    void aJdbcUrlIsNoContainerUrlAndABadImageIsNamed() {
        assertThat(ContainerScratchUrl.isContainerUrl("jdbc:mysql://127.0.0.1:3306/")).isFalse();
        assertThat(ContainerScratchUrl.isContainerUrl(null)).isFalse();
        assertThat(ContainerScratchUrl.isContainerUrl("testcontainers:postgres:16")).isTrue();
        assertThatThrownBy(() -> ContainerScratchUrl.parse("testcontainers:postgres:16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scratch URL testcontainers:postgres:16: name an image as testcontainers:mysql:8.4.3 "
                        + "or testcontainers:mariadb:10.11");
        assertThatThrownBy(() -> ContainerScratchUrl.parse("testcontainers:mysql:8.4; DROP"))
                .hasMessageContaining("name an image as");
    }
}
