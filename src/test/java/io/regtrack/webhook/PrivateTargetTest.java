package io.regtrack.webhook;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** By default a webhook may not point inside the network the server runs in. */
@QuarkusTest
class PrivateTargetTest {

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefused() {
        String slug = project("private-hook", false);
        for (String url : new String[] {
            "http://127.0.0.1:9/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.1/x",
            "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x"
        }) {
            admin().body("{\"url\": \"" + url + "\", \"events\": [\"alert.opened\"]}")
                    .post("/api/v1/projects/" + slug + "/webhooks")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo("url"))
                    .body("detail", containsString("private, loopback or link-local"));
        }
    }

    @Test
    void publicAddressesAreNotPrivate() throws Exception {
        assertThat(Targets.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(Targets.isPrivate(InetAddress.getByName("2606:2800:220:1::1")))
                .isFalse();
        assertThat(Targets.isPrivate(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(Targets.refusal("https://user:pw@example.com/x", true)).isPresent();
        assertThat(Targets.refusal("file:///etc/passwd", true)).isPresent();
    }
}
