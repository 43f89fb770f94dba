package dev.ficus.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.config.Secret;

class DevStackSettingsTest {

    @Test
    void defaultsEmbedEveryServerOnFreePortsInDotFicusKeepingData() {
        DevStackSettings settings = DevStackSettings.defaults();

        assertThat(settings.workDir()).isEqualTo(Path.of(".ficus").toAbsolutePath().normalize());
        assertThat(settings.fresh()).isFalse();
        assertThat(settings.mariadb()).isEqualTo(new ServerChoice.Embedded<>(0));
        assertThat(settings.postgres()).isEqualTo(new ServerChoice.Embedded<>(0));
        assertThat(settings.redis()).isEqualTo(new ServerChoice.Embedded<>(0));
    }

    @Test
    void serverDirectoriesLiveUnderTheWorkDir() {
        DevStackSettings settings = DevStackSettings.defaults().withWorkDir(Path.of("/srv/stack"));

        assertThat(settings.mariadbDir()).isEqualTo(Path.of("/srv/stack/mariadb"));
        assertThat(settings.postgresDir()).isEqualTo(Path.of("/srv/stack/postgres"));
        assertThat(settings.redisDir()).isEqualTo(Path.of("/srv/stack/redis"));
    }

    @Test
    void withersChangeOneThing() {
        RedisEndpoint redis = new RedisEndpoint("cache.internal", 6380, Secret.of("s3cret"));
        DevStackSettings settings = DevStackSettings.defaults()
                .withFresh(true)
                .withMariadb(ServerChoice.embeddedOnPort(3307))
                .withRedis(ServerChoice.external(redis));

        assertThat(settings.fresh()).isTrue();
        assertThat(settings.mariadb()).isEqualTo(new ServerChoice.Embedded<>(3307));
        assertThat(settings.postgres()).isEqualTo(new ServerChoice.Embedded<>(0));
        assertThat(settings.redis()).isEqualTo(new ServerChoice.External<>(redis));
    }

    @Test
    void anEmbeddedPortMustBeAPort() {
        assertThatThrownBy(() -> ServerChoice.embeddedOnPort(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> ServerChoice.embeddedOnPort(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
